'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorText } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { fetchJson } from '@/components/ui/fetch-json';
import { TextInput } from '@/components/ui/field';

interface AccessKeyItem {
  accessKeyId: string;
  description: string | null;
  status: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export function AccessKeysPanel() {
  const queryClient = useQueryClient();
  const [description, setDescription] = useState('');
  const [revealed, setRevealed] = useState<{ accessKeyId: string; secretAccessKey: string } | null>(null);
  const keys = useQuery({
    queryKey: ['access-keys'],
    queryFn: () => fetchJson<{ items: AccessKeyItem[] }>('/api/console/access-keys'),
  });
  const invalidate = () => queryClient.invalidateQueries({ queryKey: ['access-keys'] });
  const create = useMutation({
    mutationFn: () =>
      fetchJson<{ accessKeyId: string; secretAccessKey: string }>('/api/console/access-keys', {
        method: 'POST',
        json: { description: description || undefined },
      }),
    onSuccess: (key) => {
      setRevealed(key);
      setDescription('');
      invalidate();
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => fetchJson(`/api/console/access-keys/${id}`, { method: 'DELETE' }),
    onSettled: invalidate,
  });

  return (
    <Card title="Your access keys">
      <p className="mb-4 text-sm text-slate-500">
        For SigV4-signed calls to the management API (AWS SDK and CLI, with this console&apos;s URL as the endpoint).
      </p>
      {revealed && (
        <div role="status" className="mb-4 space-y-1 rounded-md bg-amber-50 p-3 text-sm dark:bg-amber-950">
          <p className="font-medium">Copy the secret now: it will not be shown again.</p>
          <p>
            Access key ID: <code data-testid="new-access-key-id">{revealed.accessKeyId}</code>
          </p>
          <p className="break-all">
            Secret access key: <code data-testid="new-secret-access-key">{revealed.secretAccessKey}</code>
          </p>
          <Button variant="secondary" onClick={() => setRevealed(null)}>
            Done
          </Button>
        </div>
      )}
      <ul className="mb-4 divide-y divide-slate-100 text-sm dark:divide-slate-800" aria-label="Access keys">
        {keys.data?.items.length === 0 && <li className="py-2 text-slate-500">No access keys.</li>}
        {keys.data?.items.map((key) => (
          <li key={key.accessKeyId} className="flex items-center justify-between gap-2 py-2">
            <span>
              <code>{key.accessKeyId}</code>
              {key.description && <span className="ml-2 text-slate-500">{key.description}</span>}
              <span className="block text-xs text-slate-500">
                created {new Date(key.createdAt).toLocaleString()}
                {key.lastUsedAt && `, last used ${new Date(key.lastUsedAt).toLocaleString()}`}
              </span>
            </span>
            <Button
              variant="ghost"
              onClick={() => confirm(`Delete ${key.accessKeyId}?`) && remove.mutate(key.accessKeyId)}
            >
              Delete
            </Button>
          </li>
        ))}
      </ul>
      <form
        className="flex gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <TextInput
          aria-label="Description"
          placeholder="Description (optional)"
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          maxLength={256}
        />
        <Button type="submit" disabled={create.isPending}>
          Create access key
        </Button>
      </form>
      <div className="mt-2">
        <ErrorText>{keys.error?.message || create.error?.message || remove.error?.message}</ErrorText>
      </div>
    </Card>
  );
}
