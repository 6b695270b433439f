// DeleteGatewayResponse: drops a customisation, so the type reports its default again.
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { notFound } from '../errors';
import { findRestApi } from '../lookups';
import { parseResponseType } from './gateway-response-input';
import { toGatewayResponse } from './gateway-response-shape';

export async function deleteGatewayResponse(actor: Actor, restApiId: string, responseTypeRaw: string): Promise<void> {
  authorize(actor, 'edit');
  const responseType = parseResponseType(responseTypeRaw);
  await db().$transaction(async (tx) => {
    await findRestApi(tx, restApiId);
    const row = await tx.gatewayResponse.findUnique({
      where: { restApiId_responseType: { restApiId, responseType } },
    });
    if (!row) throw notFound('Gateway response type not defined on api');
    await tx.gatewayResponse.delete({ where: { id: row.id } });
    await audit(tx, actor, {
      action: 'delete-gateway-response',
      targetType: 'GatewayResponse',
      targetId: `${restApiId}/${responseType}`,
      before: toGatewayResponse(row),
    });
  });
}
