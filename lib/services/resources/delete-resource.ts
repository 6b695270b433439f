// DeleteResource: the resource, its descendants and their methods (the root cannot be deleted).
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { badRequest } from '../errors';
import { findResource } from '../lookups';
import { toResource } from './resource-shape';

export async function deleteResource(actor: Actor, restApiId: string, resourceId: string): Promise<void> {
  authorize(actor, 'edit');
  await db().$transaction(async (tx) => {
    const resource = await findResource(tx, restApiId, resourceId);
    if (!resource.parentId) throw badRequest('Cannot delete the root resource of an API');
    await tx.resource.delete({ where: { id: resourceId } });
    await audit(tx, actor, {
      action: 'delete-resource',
      targetType: 'Resource',
      targetId: resourceId,
      before: toResource(resource),
    });
  });
}
