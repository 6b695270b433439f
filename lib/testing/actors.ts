// Test helpers: real users in the test database, as the Actors services run as.
import type { Role } from '@prisma/client';
import { db } from '../db/client';
import type { Actor } from '../services/actor';

let counter = 0;

export async function createTestActor(role: Role): Promise<Actor> {
  counter += 1;
  const email = `${role.toLowerCase()}-${Date.now().toString(36)}-${counter}@test.local`;
  const user = await db().user.create({ data: { email, role, passwordHash: 'not-used' } });
  return { userId: user.id, email, role };
}
