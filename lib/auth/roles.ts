// Who may do what. Viewer reads; Developer also edits and deploys; Admin also manages users and reads the audit log.
// Every service checks these through `authorize` (lib/services/actor.ts); the console only hides what is refused.
import type { Role } from '@prisma/client';

export type Permission = 'read' | 'edit' | 'deploy' | 'manage-users' | 'read-audit-log';

const GRANTS: Record<Role, ReadonlySet<Permission>> = {
  VIEWER: new Set(['read']),
  DEVELOPER: new Set(['read', 'edit', 'deploy']),
  ADMIN: new Set(['read', 'edit', 'deploy', 'manage-users', 'read-audit-log']),
};

export const ROLES: readonly Role[] = ['ADMIN', 'DEVELOPER', 'VIEWER'];

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].has(permission);
}
