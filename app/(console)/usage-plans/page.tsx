import type { Metadata } from 'next';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Cell, Table } from '@/components/ui/table';
import { pageActor } from '@/lib/auth/page-actor';
import { listUsagePlans } from '@/lib/services/usage-plans/list-usage-plans';

export const metadata: Metadata = { title: 'Usage plans' };

function summarize(value: unknown): string {
  if (!value || typeof value !== 'object') return '—';
  return Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
}

export default async function UsagePlansPage() {
  const plans = await listUsagePlans(await pageActor('read'));
  return (
    <>
      <PageHeader title="Usage plans" description="Throttling and quotas for API keys, per API stage." />
      {plans.length === 0 ? (
        <EmptyState title="No usage plans yet">
          A usage plan attaches API stages, throttles and a quota to API keys.
        </EmptyState>
      ) : (
        <Table label="Usage plans" head={['Name', 'ID', 'Stages', 'Throttle', 'Quota', 'Keys']}>
          {plans.map((p) => (
            <tr key={p.id}>
              <Cell>{p.name}</Cell>
              <Cell mono>{p.id}</Cell>
              <Cell>{p.apiStages.map((s) => `${s.apiId}:${s.stage}`).join(', ') || '—'}</Cell>
              <Cell>{summarize(p.throttle)}</Cell>
              <Cell>{summarize(p.quota)}</Cell>
              <Cell>{p.keyCount}</Cell>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
