// The one principal every service call runs as: a signed-in console user, an access key's owner, or the system
// (start-up bootstrap and seeding).
import type { Role } from '@prisma/client';
import { can, type Permission } from '../auth/roles';
import { accessDenied } from './errors';

export interface Actor {
  /** null for the system */
  userId: string | null;
  email: string;
  role: Role;
}

export const SYSTEM_ACTOR: Actor = { userId: null, email: 'system', role: 'ADMIN' };

const ACTION_NAMES: Record<Permission, string> = {
  read: 'read this resource',
  edit: 'make changes',
  deploy: 'deploy',
  'manage-users': 'manage users',
  'read-audit-log': 'read the audit log',
};

export function authorize(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) {
    throw accessDenied(`User ${actor.email} (${actor.role}) is not authorized to ${ACTION_NAMES[permission]}`);
  }
}
