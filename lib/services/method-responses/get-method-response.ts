// GetMethodResponse: one status code a method declares.
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { type MethodResponse, toMethodResponse } from '../methods/method-shape';
import { findMethodResponse } from './find-method-response';

export async function getMethodResponse(
  actor: Actor,
  restApiId: string,
  resourceId: string,
  httpMethod: string,
  statusCode: string,
): Promise<MethodResponse> {
  authorize(actor, 'read');
  const { methodResponse } = await findMethodResponse(db(), restApiId, resourceId, httpMethod, statusCode);
  return toMethodResponse(methodResponse);
}
