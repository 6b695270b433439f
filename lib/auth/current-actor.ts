// The signed-in console user as an Actor, read fresh from the database (role changes and disabling apply at once).
import { getServerSession } from 'next-auth';
import type { Actor } from '../services/actor';
import { findActor } from '../services/users/find-actor';
import { authOptions } from './next-auth-options';

export async function currentActor(): Promise<Actor | null> {
  const session = (await getServerSession(authOptions)) as { userId?: string } | null;
  if (!session?.userId) return null;
  return findActor(session.userId);
}
