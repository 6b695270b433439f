import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { findMethod } from '../lookups';
import { METHOD_INCLUDE, type Method, toMethod } from './method-shape';

export async function getMethod(
  actor: Actor,
  restApiId: string,
  resourceId: string,
  httpMethod: string,
): Promise<Method> {
  authorize(actor, 'read');
  const method = await findMethod(db(), restApiId, resourceId, httpMethod);
  return toMethod(await db().method.findUniqueOrThrow({ where: { id: method.id }, include: METHOD_INCLUDE }));
}
