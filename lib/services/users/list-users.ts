import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { toUser, type User } from './user-shape';

export async function listUsers(actor: Actor): Promise<User[]> {
  authorize(actor, 'manage-users');
  const rows = await db().user.findMany({ orderBy: { createdAt: 'asc' } });
  return rows.map(toUser);
}
