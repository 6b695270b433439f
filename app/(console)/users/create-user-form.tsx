'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorText } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { fetchJson } from '@/components/ui/fetch-json';
import { Field, Select, TextInput } from '@/components/ui/field';

export function CreateUserForm({ onDone }: { onDone: () => void }) {
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ email: '', name: '', role: 'VIEWER', password: '' });
  const create = useMutation({
    mutationFn: () =>
      fetchJson('/api/console/users', { method: 'POST', json: { ...form, name: form.name || undefined } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      onDone();
    },
  });
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate();
  }

  return (
    <div className="mb-6">
      <Card title="Create a user">
        <form onSubmit={submit} aria-label="Create a user" className="grid gap-4 sm:grid-cols-2">
          <Field label="Email">
            <TextInput type="email" value={form.email} onChange={set('email')} required autoFocus />
          </Field>
          <Field label="Name (optional)">
            <TextInput value={form.name} onChange={set('name')} />
          </Field>
          <Field label="Role">
            <Select value={form.role} onChange={set('role')}>
              <option value="VIEWER">Viewer</option>
              <option value="DEVELOPER">Developer</option>
              <option value="ADMIN">Admin</option>
            </Select>
          </Field>
          <Field label="Initial password" hint="At least 10 characters. Share it with the user safely.">
            <TextInput
              type="password"
              value={form.password}
              onChange={set('password')}
              required
              minLength={10}
              autoComplete="new-password"
            />
          </Field>
          <div className="flex items-center gap-2 sm:col-span-2">
            <Button type="submit" disabled={create.isPending}>
              {create.isPending ? 'Creating…' : 'Create user'}
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
