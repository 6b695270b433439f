import { Prisma } from '@prisma/client';
import { z } from 'zod';
import { hashPassword } from '../../auth/password';
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { conflict } from '../errors';
import { parseInput } from '../validation';
import { emailInput, passwordInput, roleInput } from './user-input';
import { toUser, type User } from './user-shape';

const createUserInput = z.object({
  email: emailInput,
  name: z.string().trim().max(200).optional(),
  password: passwordInput,
  role: roleInput,
});

export type CreateUserInput = z.input<typeof createUserInput>;

export async function createUser(actor: Actor, input: CreateUserInput): Promise<User> {
  authorize(actor, 'manage-users');
  const data = parseInput(createUserInput, input);
  const passwordHash = await hashPassword(data.password);
  try {
    const row = await db().$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: data.email, name: data.name || null, role: data.role, passwordHash },
      });
      await audit(tx, actor, { action: 'create-user', targetType: 'User', targetId: user.id, after: toUser(user) });
      return user;
    });
    return toUser(row);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw conflict(`A user with the email ${data.email} already exists`);
    }
    throw error;
  }
}
