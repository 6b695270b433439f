// GetGatewayResponse: the customised response of a type, or the default AWS reports for it.
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { findRestApi } from '../lookups';
import { parseResponseType } from './gateway-response-input';
import { type GatewayResponse, resolveGatewayResponse } from './gateway-response-shape';

export async function getGatewayResponse(
  actor: Actor,
  restApiId: string,
  responseTypeRaw: string,
): Promise<GatewayResponse> {
  authorize(actor, 'read');
  const responseType = parseResponseType(responseTypeRaw);
  await findRestApi(db(), restApiId);
  const rows = await db().gatewayResponse.findMany({ where: { restApiId } });
  return resolveGatewayResponse(responseType, new Map(rows.map((row) => [row.responseType, row])));
}
