// PutGatewayResponse: customises a type, replacing any earlier customisation. Fields left out take the type's
// built-in defaults (its status code, no parameters, the default JSON template), not those of DEFAULT_4XX/5XX.
import { z } from 'zod';
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { findRestApi } from '../lookups';
import { parseInput } from '../validation';
import { checkContentType, checkResponseParameter, checkStatusCode, parseResponseType } from './gateway-response-input';
import {
  builtInGatewayResponse,
  defaultTemplates,
  type GatewayResponse,
  resolveGatewayResponse,
  toGatewayResponse,
} from './gateway-response-shape';

const putGatewayResponseInput = z.object({
  statusCode: z.string().optional(),
  responseParameters: z.record(z.string(), z.string()).optional(),
  responseTemplates: z.record(z.string(), z.string()).optional(),
});

export async function putGatewayResponse(
  actor: Actor,
  restApiId: string,
  responseTypeRaw: string,
  input: unknown,
): Promise<GatewayResponse> {
  authorize(actor, 'edit');
  const responseType = parseResponseType(responseTypeRaw);
  const data = parseInput(putGatewayResponseInput, input);
  const row = await db().$transaction(async (tx) => {
    await findRestApi(tx, restApiId);
    if (data.statusCode !== undefined) checkStatusCode(data.statusCode);
    for (const [key, value] of Object.entries(data.responseParameters ?? {})) checkResponseParameter(key, value);
    for (const contentType of Object.keys(data.responseTemplates ?? {})) checkContentType(contentType);
    const existing = await tx.gatewayResponse.findMany({ where: { restApiId } });
    const before = resolveGatewayResponse(responseType, new Map(existing.map((r) => [r.responseType, r])));
    const values = {
      statusCode: data.statusCode ?? builtInGatewayResponse(responseType).statusCode ?? null,
      responseParameters: data.responseParameters ?? {},
      responseTemplates: data.responseTemplates ?? defaultTemplates(),
    };
    const saved = await tx.gatewayResponse.upsert({
      where: { restApiId_responseType: { restApiId, responseType } },
      create: { restApiId, responseType, ...values },
      update: values,
    });
    await audit(tx, actor, {
      action: 'put-gateway-response',
      targetType: 'GatewayResponse',
      targetId: `${restApiId}/${responseType}`,
      before,
      after: toGatewayResponse(saved),
    });
    return saved;
  });
  return toGatewayResponse(row);
}
