'use client';

import { signOut } from 'next-auth/react';
import { Button } from '../ui/button';
import { useConsoleUser } from './actor-context';

const ROLE_LABEL = { ADMIN: 'Admin', DEVELOPER: 'Developer', VIEWER: 'Viewer' } as const;

export function UserMenu() {
  const user = useConsoleUser();
  return (
    <div className="space-y-2 border-t border-slate-200 pt-3 text-sm dark:border-slate-800">
      <div className="truncate" title={user.email}>
        <span data-testid="current-user">{user.email}</span>
        <span className="ml-2 rounded bg-slate-200 px-1.5 py-0.5 text-xs dark:bg-slate-800">
          {ROLE_LABEL[user.role]}
        </span>
      </div>
      <Button variant="secondary" className="w-full" onClick={() => signOut({ callbackUrl: '/signin' })}>
        Sign out
      </Button>
    </div>
  );
}
