// Checks an email and password. Unknown users cost the same scrypt work as known ones, so timing reveals nothing.
import { UNMATCHABLE_HASH, verifyPassword } from '../../auth/password';
import { db } from '../../db/client';
import { toUser, type User } from './user-shape';

export async function authenticateUser(email: string, password: string): Promise<User | null> {
  const row = await db().user.findUnique({ where: { email: email.trim().toLowerCase() } });
  const ok = await verifyPassword(password, row?.passwordHash ?? UNMATCHABLE_HASH);
  if (!row || !ok || row.disabled) return null;
  const updated = await db().user.update({ where: { id: row.id }, data: { lastSignInAt: new Date() } });
  return toUser(updated);
}
