'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorText } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { fetchJson } from '@/components/ui/fetch-json';
import { Field, Select, TextInput } from '@/components/ui/field';

export function CreateApiForm({ onDone }: { onDone: () => void }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [endpointType, setEndpointType] = useState('REGIONAL');
  const create = useMutation({
    mutationFn: () =>
      fetchJson('/api/console/restapis', {
        method: 'POST',
        json: { name, description: description || undefined, endpointConfiguration: { types: [endpointType] } },
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['restapis'] });
      onDone();
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate();
  }

  return (
    <div className="mb-6">
      <Card title="Create a REST API">
        <form onSubmit={submit} aria-label="Create a REST API" className="grid gap-4 sm:grid-cols-2">
          <Field label="Name">
            <TextInput value={name} onChange={(e) => setName(e.target.value)} required maxLength={1024} autoFocus />
          </Field>
          <Field label="Endpoint type">
            <Select value={endpointType} onChange={(e) => setEndpointType(e.target.value)}>
              <option value="REGIONAL">Regional</option>
              <option value="EDGE">Edge-optimized</option>
              <option value="PRIVATE">Private</option>
            </Select>
          </Field>
          <div className="sm:col-span-2">
            <Field label="Description (optional)">
              <TextInput value={description} onChange={(e) => setDescription(e.target.value)} maxLength={4096} />
            </Field>
          </div>
          <div className="flex items-center gap-2 sm:col-span-2">
            <Button type="submit" disabled={create.isPending || !name.trim()}>
              {create.isPending ? 'Creating…' : 'Create'}
            </Button>
            <Button variant="secondary" onClick={onDone}>
              Cancel
            </Button>
          </div>
          <div className="sm:col-span-2">
            <ErrorText>{create.error?.message}</ErrorText>
          </div>
        </form>
      </Card>
    </div>
  );
}
