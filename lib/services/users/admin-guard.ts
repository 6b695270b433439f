import type { Tx } from '../../db/client';
import { badRequest } from '../errors';

/** Refuses a change that would leave no enabled Admin, so the console can always be administered. */
export async function assertAnotherActiveAdmin(tx: Tx, userId: string): Promise<void> {
  const others = await tx.user.count({ where: { role: 'ADMIN', disabled: false, id: { not: userId } } });
  if (others === 0) throw badRequest('This is the last active Admin: make another user an Admin first');
}
