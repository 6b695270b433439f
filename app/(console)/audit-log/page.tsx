import type { Metadata } from 'next';
import Link from 'next/link';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Cell, Table } from '@/components/ui/table';
import { pageActor } from '@/lib/auth/page-actor';
import { listAuditLogs } from '@/lib/services/audit-logs/list-audit-logs';

export const metadata: Metadata = { title: 'Audit log' };

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<{ position?: string }> }) {
  const actor = await pageActor('read-audit-log');
  const { position } = await searchParams;
  const page = await listAuditLogs(actor, { limit: 50, position });
  return (
    <>
      <PageHeader title="Audit log" description="Every change: who made it, when, and what it was before and after." />
      {page.items.length === 0 ? (
        <EmptyState title="No changes recorded yet" />
      ) : (
        <Table label="Audit log" head={['When', 'Who', 'Action', 'Target', '']}>
          {page.items.map((entry) => (
            <tr key={entry.id}>
              <Cell>{entry.at.toLocaleString()}</Cell>
              <Cell>{entry.actorEmail}</Cell>
              <Cell mono>{entry.action}</Cell>
              <Cell mono>
                {entry.targetType} {entry.targetId}
              </Cell>
              <Cell>
                <Link href={`/audit-log/${entry.id}`} className="text-indigo-600 hover:underline dark:text-indigo-400">
                  Details
                </Link>
              </Cell>
            </tr>
          ))}
        </Table>
      )}
      <div className="mt-4 flex gap-4 text-sm">
        {position && (
          <Link href="/audit-log" className="text-indigo-600 hover:underline dark:text-indigo-400">
            Newest
          </Link>
        )}
        {page.position && (
          <Link
            href={`/audit-log?position=${page.position}`}
            className="text-indigo-600 hover:underline dark:text-indigo-400"
          >
            Older
          </Link>
        )}
      </div>
    </>
  );
}
