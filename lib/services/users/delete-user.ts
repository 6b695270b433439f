import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { notifyConfigChange } from '../config-changes';
import { badRequest, notFound } from '../errors';
import { assertAnotherActiveAdmin } from './admin-guard';
import { toUser } from './user-shape';

export async function deleteUser(actor: Actor, userId: string): Promise<void> {
  authorize(actor, 'manage-users');
  if (actor.userId === userId) throw badRequest('You cannot delete yourself');
  await db().$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId } });
    if (!before) throw notFound(`No user with id ${userId}`);
    if (before.role === 'ADMIN') await assertAnotherActiveAdmin(tx, userId);
    await tx.user.delete({ where: { id: userId } });
    await notifyConfigChange(tx, { kind: 'access-keys' }); // gateways keep the keys of AWS_IAM callers
    await audit(tx, actor, { action: 'delete-user', targetType: 'User', targetId: userId, before: toUser(before) });
  });
}
