// The integration response of a method's status code, under AWS's NotFound messages for every parent.
import type { Tx } from '../../db/client';
import { findIntegration } from '../lookups';
import { responseNotFound } from '../method-responses/status-code';

export async function findIntegrationResponse(
  tx: Tx,
  restApiId: string,
  resourceId: string,
  httpMethod: string,
  statusCode: string,
) {
  const { method, integration } = await findIntegration(tx, restApiId, resourceId, httpMethod);
  const integrationResponse = await tx.integrationResponse.findUnique({
    where: { integrationId_statusCode: { integrationId: integration.id, statusCode } },
  });
  if (!integrationResponse) throw responseNotFound();
  return { method, integration, integrationResponse };
}
