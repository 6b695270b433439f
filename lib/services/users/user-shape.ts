import type { Role, User as UserRow } from '@prisma/client';

/** A user as the console sees one: never the password hash. */
export interface User {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  disabled: boolean;
  lastSignInAt: Date | null;
  createdAt: Date;
}

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    disabled: row.disabled,
    lastSignInAt: row.lastSignInAt,
    createdAt: row.createdAt,
  };
}
