// DeleteMethodResponse: removes a status code from a method.
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { toMethodResponse } from '../methods/method-shape';
import { findMethodResponse } from './find-method-response';

export async function deleteMethodResponse(
  actor: Actor,
  restApiId: string,
  resourceId: string,
  httpMethod: string,
  statusCode: string,
): Promise<void> {
  authorize(actor, 'edit');
  await db().$transaction(async (tx) => {
    const { method, methodResponse } = await findMethodResponse(tx, restApiId, resourceId, httpMethod, statusCode);
    await tx.methodResponse.delete({ where: { id: methodResponse.id } });
    await audit(tx, actor, {
      action: 'delete-method-response',
      targetType: 'MethodResponse',
      targetId: `${method.resourceId}/${method.httpMethod}/${methodResponse.statusCode}`,
      before: toMethodResponse(methodResponse),
    });
  });
}
