'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { useCan } from '@/components/shell/actor-context';
import { ErrorText } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { fetchJson } from '@/components/ui/fetch-json';
import { PageHeader } from '@/components/ui/page-header';
import { Cell, Table } from '@/components/ui/table';
import { CreateApiForm } from './create-api-form';

export interface RestApiItem {
  id: string;
  name: string;
  description?: string;
  createdDate: string;
  endpointConfiguration: { types: string[] };
}

export function ApisView() {
  const canEdit = useCan('edit');
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const apis = useQuery({
    queryKey: ['restapis'],
    queryFn: () => fetchJson<{ items: RestApiItem[] }>('/api/console/restapis'),
  });
  const remove = useMutation({
    mutationFn: (id: string) => fetchJson(`/api/console/restapis/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['restapis'] }),
  });

  return (
    <>
      <PageHeader
        title="APIs"
        description="REST APIs defined in Portico. Each is served by the gateway once deployed to a stage."
        actions={canEdit && !creating ? <Button onClick={() => setCreating(true)}>Create API</Button> : undefined}
      />
      {creating && <CreateApiForm onDone={() => setCreating(false)} />}
      <ErrorText>{apis.error?.message || remove.error?.message}</ErrorText>
      {apis.isPending ? (
        <p className="text-sm text-slate-500">Loading…</p>
      ) : apis.data && apis.data.items.length === 0 ? (
        <EmptyState title="No APIs yet">
          {canEdit ? 'Create one to start defining resources and methods.' : 'An editor has not created any APIs yet.'}
        </EmptyState>
      ) : (
        <Table label="APIs" head={['Name', 'ID', 'Endpoint', 'Created', '']}>
          {apis.data?.items.map((api) => (
            <tr key={api.id}>
              <Cell>
                <Link
                  href={`/apis/${api.id}`}
                  className="font-medium text-indigo-600 hover:underline dark:text-indigo-400"
                >
                  {api.name}
                </Link>
                {api.description && <p className="text-xs text-slate-500">{api.description}</p>}
              </Cell>
              <Cell mono>{api.id}</Cell>
              <Cell>{api.endpointConfiguration.types.join(', ')}</Cell>
              <Cell>{new Date(api.createdDate).toLocaleString()}</Cell>
              <Cell>
                {canEdit && (
                  <Button
                    variant="ghost"
                    aria-label={`Delete ${api.name}`}
                    disabled={remove.isPending}
                    onClick={() => {
                      if (confirm(`Delete the API "${api.name}" and everything in it?`)) remove.mutate(api.id);
                    }}
                  >
                    Delete
                  </Button>
                )}
              </Cell>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
