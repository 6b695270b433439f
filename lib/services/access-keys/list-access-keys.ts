import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { type AccessKey, toAccessKey } from './access-key-shape';

/** The caller's own access keys. */
export async function listAccessKeys(actor: Actor): Promise<AccessKey[]> {
  authorize(actor, 'read');
  if (!actor.userId) return [];
  const rows = await db().accessKey.findMany({ where: { userId: actor.userId }, orderBy: { createdAt: 'asc' } });
  return rows.map(toAccessKey);
}
