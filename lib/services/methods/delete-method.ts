import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { findMethod } from '../lookups';
import { METHOD_INCLUDE, toMethod } from './method-shape';

export async function deleteMethod(
  actor: Actor,
  restApiId: string,
  resourceId: string,
  httpMethod: string,
): Promise<void> {
  authorize(actor, 'edit');
  await db().$transaction(async (tx) => {
    const found = await findMethod(tx, restApiId, resourceId, httpMethod);
    const before = await tx.method.findUniqueOrThrow({ where: { id: found.id }, include: METHOD_INCLUDE });
    await tx.method.delete({ where: { id: found.id } });
    await audit(tx, actor, {
      action: 'delete-method',
      targetType: 'Method',
      targetId: `${resourceId}/${found.httpMethod}`,
      before: toMethod(before),
    });
  });
}
