import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { findResource } from '../lookups';
import { METHOD_INCLUDE } from '../methods/method-shape';
import { type Resource, toResource } from './resource-shape';

export async function getResource(
  actor: Actor,
  restApiId: string,
  resourceId: string,
  options: { embedMethods?: boolean } = {},
): Promise<Resource> {
  authorize(actor, 'read');
  const resource = await findResource(db(), restApiId, resourceId);
  if (!options.embedMethods) return toResource(resource);
  const methods = await db().method.findMany({
    where: { resourceId },
    include: METHOD_INCLUDE,
    orderBy: { httpMethod: 'asc' },
  });
  return toResource({ ...resource, methods });
}
