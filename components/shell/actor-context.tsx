'use client';

import type { Role } from '@prisma/client';
import { createContext, type ReactNode, useContext } from 'react';
import { can, type Permission } from '@/lib/auth/roles';

export interface ConsoleUser {
  email: string;
  role: Role;
}

const ActorContext = createContext<ConsoleUser | null>(null);

export function ActorProvider({ user, children }: { user: ConsoleUser; children: ReactNode }) {
  return <ActorContext.Provider value={user}>{children}</ActorContext.Provider>;
}

export function useConsoleUser(): ConsoleUser {
  const user = useContext(ActorContext);
  if (!user) throw new Error('useConsoleUser outside ActorProvider');
  return user;
}

/** Whether to show a control. The server enforces the same rule whatever the console shows. */
export function useCan(permission: Permission): boolean {
  return can(useConsoleUser().role, permission);
}
