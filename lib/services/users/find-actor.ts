// Resolves a user id (from a session) to the Actor services run as: the role is read from the database on every
// request, so a role change or a disabled account takes effect at once.
import { db } from '../../db/client';
import type { Actor } from '../actor';

export async function findActor(userId: string): Promise<Actor | null> {
  const row = await db().user.findUnique({ where: { id: userId } });
  if (!row || row.disabled) return null;
  return { userId: row.id, email: row.email, role: row.role };
}
