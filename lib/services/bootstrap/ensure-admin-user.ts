// The bootstrap admin: created on a database with no users, from PORTICO_ADMIN_EMAIL / PORTICO_ADMIN_PASSWORD, or with
// a generated password that the caller prints once. When PORTICO_ADMIN_PASSWORD is given for an existing user, the
// password is set to it, so scripts can rely on the environment.
import { randomBytes } from 'node:crypto';
import { hashPassword, verifyPassword } from '../../auth/password';
import { db } from '../../db/client';
import { SYSTEM_ACTOR } from '../actor';
import { audit } from '../audit';
import { toUser } from '../users/user-shape';

export interface BootstrapAdmin {
  email: string;
  /** set only when a password was generated now: the only time it is ever shown */
  generatedPassword?: string;
  created: boolean;
}

export async function ensureAdminUser(env: { email?: string; password?: string }): Promise<BootstrapAdmin> {
  const email = (env.email || 'admin@portico.local').trim().toLowerCase();
  const existing = await db().user.findUnique({ where: { email } });
  if (existing) {
    if (env.password && !(await verifyPassword(env.password, existing.passwordHash))) {
      const passwordHash = await hashPassword(env.password);
      await db().$transaction(async (tx) => {
        await tx.user.update({ where: { id: existing.id }, data: { passwordHash, role: 'ADMIN', disabled: false } });
        await audit(tx, SYSTEM_ACTOR, {
          action: 'reset-bootstrap-admin-password',
          targetType: 'User',
          targetId: existing.id,
          after: { email, passwordChanged: true },
        });
      });
    }
    return { email, created: false };
  }
  if ((await db().user.count()) > 0 && !env.email) return { email, created: false };
  const generatedPassword = env.password ? undefined : randomBytes(12).toString('base64url');
  const passwordHash = await hashPassword(env.password ?? (generatedPassword as string));
  await db().$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email, name: 'Administrator', role: 'ADMIN', passwordHash } });
    await audit(tx, SYSTEM_ACTOR, {
      action: 'create-user',
      targetType: 'User',
      targetId: user.id,
      after: toUser(user),
    });
  });
  return { email, generatedPassword, created: true };
}
