// DeleteIntegration: removes a method's integration and its integration responses.
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { findIntegration } from '../lookups';
import { toIntegration } from '../methods/method-shape';

export async function deleteIntegration(
  actor: Actor,
  restApiId: string,
  resourceId: string,
  httpMethod: string,
): Promise<void> {
  authorize(actor, 'edit');
  await db().$transaction(async (tx) => {
    const { method, integration } = await findIntegration(tx, restApiId, resourceId, httpMethod);
    const before = await tx.integration.findUniqueOrThrow({
      where: { id: integration.id },
      include: { integrationResponses: { orderBy: { statusCode: 'asc' } } },
    });
    await tx.integration.delete({ where: { id: integration.id } });
    await audit(tx, actor, {
      action: 'delete-integration',
      targetType: 'Integration',
      targetId: `${method.resourceId}/${method.httpMethod}`,
      before: toIntegration(before),
    });
  });
}
