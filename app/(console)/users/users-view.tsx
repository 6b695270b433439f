'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useConsoleUser } from '@/components/shell/actor-context';
import { ErrorText } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { fetchJson } from '@/components/ui/fetch-json';
import { PageHeader } from '@/components/ui/page-header';
import { Cell, Table } from '@/components/ui/table';
import { CreateUserForm } from './create-user-form';

interface UserItem {
  id: string;
  email: string;
  name: string | null;
  role: 'ADMIN' | 'DEVELOPER' | 'VIEWER';
  disabled: boolean;
  lastSignInAt: string | null;
}

export function UsersView() {
  const me = useConsoleUser();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const users = useQuery({
    queryKey: ['users'],
    queryFn: () => fetchJson<{ items: UserItem[] }>('/api/console/users'),
  });
  const invalidate = () => queryClient.invalidateQueries({ queryKey: ['users'] });
  const update = useMutation({
    mutationFn: ({ id, ...patch }: { id: string; role?: string; disabled?: boolean }) =>
      fetchJson(`/api/console/users/${id}`, { method: 'PATCH', json: patch }),
    onSettled: invalidate,
  });
  const remove = useMutation({
    mutationFn: (id: string) => fetchJson(`/api/console/users/${id}`, { method: 'DELETE' }),
    onSettled: invalidate,
  });

  return (
    <>
      <PageHeader
        title="Users"
        description="Viewers read; Developers also edit and deploy; Admins also manage users and read the audit log."
        actions={!creating && <Button onClick={() => setCreating(true)}>Create user</Button>}
      />
      {creating && <CreateUserForm onDone={() => setCreating(false)} />}
      <ErrorText>{users.error?.message || update.error?.message || remove.error?.message}</ErrorText>
      <Table label="Users" head={['Email', 'Name', 'Role', 'Status', 'Last sign-in', '']}>
        {users.data?.items.map((user) => (
          <tr key={user.id}>
            <Cell>{user.email}</Cell>
            <Cell>{user.name ?? '—'}</Cell>
            <Cell>
              <select
                aria-label={`Role of ${user.email}`}
                value={user.role}
                disabled={update.isPending}
                onChange={(e) => update.mutate({ id: user.id, role: e.target.value })}
                className="rounded border border-slate-300 bg-transparent px-1 py-0.5 dark:border-slate-700"
              >
                <option value="ADMIN">Admin</option>
                <option value="DEVELOPER">Developer</option>
                <option value="VIEWER">Viewer</option>
              </select>
            </Cell>
            <Cell>{user.disabled ? 'Disabled' : 'Active'}</Cell>
            <Cell>{user.lastSignInAt ? new Date(user.lastSignInAt).toLocaleString() : 'Never'}</Cell>
            <Cell>
              {user.email !== me.email && (
                <div className="flex gap-1">
                  <Button variant="ghost" onClick={() => update.mutate({ id: user.id, disabled: !user.disabled })}>
                    {user.disabled ? 'Enable' : 'Disable'}
                  </Button>
                  <Button
                    variant="ghost"
                    aria-label={`Delete ${user.email}`}
                    onClick={() => confirm(`Delete ${user.email}?`) && remove.mutate(user.id)}
                  >
                    Delete
                  </Button>
                </div>
              )}
            </Cell>
          </tr>
        ))}
      </Table>
    </>
  );
}
