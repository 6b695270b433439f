import type { Metadata } from 'next';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Cell, Table } from '@/components/ui/table';
import { pageActor } from '@/lib/auth/page-actor';
import { listDomainNames } from '@/lib/services/domain-names/list-domain-names';

export const metadata: Metadata = { title: 'Custom domains' };

export default async function CustomDomainsPage() {
  const domains = await listDomainNames(await pageActor('read'));
  return (
    <>
      <PageHeader
        title="Custom domains"
        description="Host names that map base paths to API stages (for example /v1 and /v2 to two versions)."
      />
      {domains.length === 0 ? (
        <EmptyState title="No custom domains yet">Base path mappings route a domain's paths to API stages.</EmptyState>
      ) : (
        <Table label="Custom domains" head={['Domain', 'Status', 'Base path mappings']}>
          {domains.map((d) => (
            <tr key={d.domainName}>
              <Cell>{d.domainName}</Cell>
              <Cell>{d.domainNameStatus}</Cell>
              <Cell mono>
                {d.basePathMappings.map((m) => `${m.basePath} → ${m.restApiId}/${m.stage ?? '*'}`).join('\n') || '—'}
              </Cell>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
