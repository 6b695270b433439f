// GetIntegrationResponse: one of the integration's responses.
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { type IntegrationResponse, toIntegrationResponse } from '../methods/method-shape';
import { findIntegrationResponse } from './find-integration-response';

export async function getIntegrationResponse(
  actor: Actor,
  restApiId: string,
  resourceId: string,
  httpMethod: string,
  statusCode: string,
): Promise<IntegrationResponse> {
  authorize(actor, 'read');
  const { integrationResponse } = await findIntegrationResponse(db(), restApiId, resourceId, httpMethod, statusCode);
  return toIntegrationResponse(integrationResponse);
}
