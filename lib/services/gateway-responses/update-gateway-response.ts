// UpdateGatewayResponse: patch operations on a type's customisation, all or nothing. A type that is not customised
// starts from its built-in default and becomes customised (defaultResponse false).
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { badRequest, notFound } from '../errors';
import { findRestApi } from '../lookups';
import {
  invalidPatchPath,
  type PatchOperation,
  parsePatchOperations,
  patchMapEntry,
  requireValue,
  splitPatchPath,
  unsupportedOperation,
} from '../patch/patch-operations';
import { checkContentType, checkResponseParameter, checkStatusCode, parseResponseType } from './gateway-response-input';
import {
  builtInGatewayResponse,
  type GatewayResponse,
  resolveGatewayResponse,
  toGatewayResponse,
} from './gateway-response-shape';

type MapField = 'responseParameters' | 'responseTemplates';

function patchMap(map: Record<string, string>, field: MapField, key: string, op: PatchOperation): void {
  if (op.op === 'add' || op.op === 'replace') {
    if (op.value === undefined || op.value === null || op.value === '') {
      throw badRequest(`Invalid null or empty value in ${field}`);
    }
    if (op.op === 'replace' && !(key in map)) throw notFound('Invalid parameter name specified');
    if (field === 'responseParameters') checkResponseParameter(key, op.value);
    else checkContentType(key);
  }
  patchMapEntry(map, key, op, requireValue);
}

export async function updateGatewayResponse(
  actor: Actor,
  restApiId: string,
  responseTypeRaw: string,
  input: unknown,
): Promise<GatewayResponse> {
  authorize(actor, 'edit');
  const responseType = parseResponseType(responseTypeRaw);
  const operations = parsePatchOperations(input);
  const row = await db().$transaction(async (tx) => {
    await findRestApi(tx, restApiId);
    const existing = await tx.gatewayResponse.findMany({ where: { restApiId } });
    const before = resolveGatewayResponse(responseType, new Map(existing.map((r) => [r.responseType, r])));
    const own = existing.find((r) => r.responseType === responseType);
    const start = own ? toGatewayResponse(own) : builtInGatewayResponse(responseType);
    const next = {
      statusCode: start.statusCode ?? null,
      responseParameters: { ...start.responseParameters },
      responseTemplates: { ...start.responseTemplates },
    };
    for (const op of operations) {
      const [field, ...rest] = splitPatchPath(op.path);
      const key = rest.join('/');
      switch (field) {
        case 'statusCode':
          if (key || op.op === 'add' || op.op === 'remove') throw invalidPatchPath(op);
          if (op.op !== 'replace') throw unsupportedOperation(op);
          checkStatusCode(requireValue(op));
          next.statusCode = requireValue(op);
          break;
        case 'responseParameters':
        case 'responseTemplates':
          if (!key) throw invalidPatchPath(op);
          patchMap(next[field], field, key, op);
          break;
        default:
          throw invalidPatchPath(op);
      }
    }
    const saved = await tx.gatewayResponse.upsert({
      where: { restApiId_responseType: { restApiId, responseType } },
      create: { restApiId, responseType, ...next },
      update: next,
    });
    await audit(tx, actor, {
      action: 'update-gateway-response',
      targetType: 'GatewayResponse',
      targetId: `${restApiId}/${responseType}`,
      before,
      after: toGatewayResponse(saved),
    });
    return saved;
  });
  return toGatewayResponse(row);
}
