// DeleteIntegrationResponse: removes one of the integration's responses.
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { toIntegrationResponse } from '../methods/method-shape';
import { findIntegrationResponse } from './find-integration-response';

export async function deleteIntegrationResponse(
  actor: Actor,
  restApiId: string,
  resourceId: string,
  httpMethod: string,
  statusCode: string,
): Promise<void> {
  authorize(actor, 'edit');
  await db().$transaction(async (tx) => {
    const { method, integrationResponse } = await findIntegrationResponse(
      tx,
      restApiId,
      resourceId,
      httpMethod,
      statusCode,
    );
    await tx.integrationResponse.delete({ where: { id: integrationResponse.id } });
    await audit(tx, actor, {
      action: 'delete-integration-response',
      targetType: 'IntegrationResponse',
      targetId: `${method.resourceId}/${method.httpMethod}/${integrationResponse.statusCode}`,
      before: toIntegrationResponse(integrationResponse),
    });
  });
}
