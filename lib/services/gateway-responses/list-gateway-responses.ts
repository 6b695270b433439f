// GetGatewayResponses: every response type, customised or not, in type-name order (as AWS lists them).
import { db } from '../../db/client';
import { GATEWAY_RESPONSE_TYPES } from '../../gateway/gateway-response-types';
import { type Actor, authorize } from '../actor';
import { findRestApi } from '../lookups';
import { type Page, type PageRequest, pageWindow, toPage } from '../paging';
import { type GatewayResponse, resolveGatewayResponse } from './gateway-response-shape';

export async function listGatewayResponses(
  actor: Actor,
  restApiId: string,
  page: PageRequest = {},
): Promise<Page<GatewayResponse>> {
  authorize(actor, 'read');
  await findRestApi(db(), restApiId);
  const window = pageWindow(page);
  const rows = await db().gatewayResponse.findMany({ where: { restApiId } });
  const customised = new Map(rows.map((row) => [row.responseType, row]));
  const all = [...GATEWAY_RESPONSE_TYPES].sort().map((type) => resolveGatewayResponse(type, customised));
  return toPage(all.slice(window.skip, window.skip + window.take + 1), window);
}
