// For console pages (server components): the signed-in actor, or a redirect to sign-in; a page the role may not see
// answers 404, as if it did not exist.
import { notFound, redirect } from 'next/navigation';
import type { Actor } from '../services/actor';
import { currentActor } from './current-actor';
import { can, type Permission } from './roles';

export async function pageActor(permission: Permission = 'read'): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect('/signin');
  if (!can(actor.role, permission)) notFound();
  return actor;
}
