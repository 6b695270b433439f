import type { Metadata } from 'next';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Cell, Table } from '@/components/ui/table';
import { pageActor } from '@/lib/auth/page-actor';
import { listFunctions } from '@/lib/services/functions/list-functions';

export const metadata: Metadata = { title: 'Functions' };

export default async function FunctionsPage() {
  const functions = await listFunctions(await pageActor('read'));
  return (
    <>
      <PageHeader
        title="Functions"
        description="Lambda-compatible handlers with versions and aliases, for AWS_PROXY and AWS integrations and Lambda authorizers."
      />
      {functions.length === 0 ? (
        <EmptyState title="No functions yet">
          Functions you create will be listed here with their versions and aliases.
        </EmptyState>
      ) : (
        <Table label="Functions" head={['Name', 'Runtime', 'Handler', 'Versions', 'Aliases', 'Last modified']}>
          {functions.map((f) => (
            <tr key={f.functionName}>
              <Cell>{f.functionName}</Cell>
              <Cell>{f.runtime}</Cell>
              <Cell mono>{f.handler}</Cell>
              <Cell>{f.versionCount}</Cell>
              <Cell>{f.aliasCount}</Cell>
              <Cell>{f.lastModified.toLocaleString()}</Cell>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
