import { z } from 'zod';
import { hashPassword } from '../../auth/password';
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { notifyConfigChange } from '../config-changes';
import { notFound } from '../errors';
import { parseInput } from '../validation';
import { assertAnotherActiveAdmin } from './admin-guard';
import { passwordInput, roleInput } from './user-input';
import { toUser, type User } from './user-shape';

const updateUserInput = z
  .object({
    name: z.string().trim().max(200).nullable().optional(),
    role: roleInput.optional(),
    disabled: z.boolean().optional(),
    password: passwordInput.optional(),
  })
  .strict();

export type UpdateUserInput = z.input<typeof updateUserInput>;

export async function updateUser(actor: Actor, userId: string, input: UpdateUserInput): Promise<User> {
  authorize(actor, 'manage-users');
  const data = parseInput(updateUserInput, input);
  const passwordHash = data.password ? await hashPassword(data.password) : undefined;
  const row = await db().$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId } });
    if (!before) throw notFound(`No user with id ${userId}`);
    const losesAdmin = before.role === 'ADMIN' && ((data.role && data.role !== 'ADMIN') || data.disabled === true);
    if (losesAdmin) await assertAnotherActiveAdmin(tx, userId);
    const after = await tx.user.update({
      where: { id: userId },
      data: { name: data.name, role: data.role, disabled: data.disabled, passwordHash },
    });
    await notifyConfigChange(tx, { kind: 'access-keys' }); // gateways keep the keys of AWS_IAM callers
    await audit(tx, actor, {
      action: 'update-user',
      targetType: 'User',
      targetId: userId,
      before: toUser(before),
      after: { ...toUser(after), ...(passwordHash && { passwordChanged: true }) },
    });
    return after;
  });
  return toUser(row);
}
