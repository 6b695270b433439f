import type { Metadata } from 'next';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Cell, Table } from '@/components/ui/table';
import { pageActor } from '@/lib/auth/page-actor';
import { getApiKeys } from '@/lib/services/api-keys/get-api-keys';

export const metadata: Metadata = { title: 'API keys' };

export default async function ApiKeysPage() {
  const { items: keys } = await getApiKeys(await pageActor('read'), { limit: 500 });
  return (
    <>
      <PageHeader
        title="API keys"
        description="Keys that API clients send in x-api-key. Values are stored hashed and encrypted, never in clear."
      />
      {keys.length === 0 ? (
        <EmptyState title="No API keys yet">Keys identify API clients to usage plans.</EmptyState>
      ) : (
        <Table label="API keys" head={['Name', 'ID', 'Enabled', 'Customer', 'Created']}>
          {keys.map((k) => (
            <tr key={k.id}>
              <Cell>{k.name ?? '—'}</Cell>
              <Cell mono>{k.id}</Cell>
              <Cell>{k.enabled ? 'Yes' : 'No'}</Cell>
              <Cell>{k.customerId ?? '—'}</Cell>
              <Cell>{k.createdDate.toLocaleString()}</Cell>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
