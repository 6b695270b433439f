// UpdateRestApi: AWS's patch operations on the API's own fields, applied all or nothing.

import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { badRequest } from '../errors';
import { findRestApi } from '../lookups';
import {
  invalidPatchPath,
  parseBoolean,
  parseInteger,
  parsePatchOperations,
  patchListMember,
  patchScalar,
  requireValue,
  splitPatchPath,
} from '../patch/patch-operations';
import { checkPolicyDocument } from './policy-document';
import { type RestApi, toRestApi } from './rest-api-shape';

const ENDPOINT_TYPES = new Set(['EDGE', 'REGIONAL', 'PRIVATE']);

export async function updateRestApi(actor: Actor, restApiId: string, input: unknown): Promise<RestApi> {
  authorize(actor, 'edit');
  const operations = parsePatchOperations(input);
  const row = await db().$transaction(async (tx) => {
    const before = await findRestApi(tx, restApiId);
    const next = { ...before, endpointConfiguration: { ...(before.endpointConfiguration as { types: string[] }) } };
    for (const op of operations) {
      const [field, ...rest] = splitPatchPath(op.path);
      const sub = rest.join('/');
      switch (field) {
        case 'name': {
          const name = requireValue(op).trim();
          if (!name) throw badRequest('Invalid REST API name specified');
          next.name = name;
          break;
        }
        case 'description':
          next.description = patchScalar(op, requireValue);
          break;
        case 'version':
          next.version = patchScalar(op, requireValue);
          break;
        case 'policy':
          next.policy = patchScalar(op, requireValue);
          checkPolicyDocument(next.policy);
          break;
        case 'apiKeySource': {
          const value = requireValue(op);
          if (value !== 'HEADER' && value !== 'AUTHORIZER') throw badRequest(`Invalid apiKeySource: ${value}`);
          next.apiKeySource = value;
          break;
        }
        case 'minimumCompressionSize':
          next.minimumCompressionSize = op.op === 'remove' || op.value === '' ? null : parseInteger(op, 0, 10485760);
          break;
        case 'disableExecuteApiEndpoint':
          next.disableExecuteApiEndpoint = parseBoolean(op);
          break;
        case 'binaryMediaTypes':
          if (!sub) throw invalidPatchPath(op);
          next.binaryMediaTypes = patchListMember(next.binaryMediaTypes, sub, op);
          break;
        case 'endpointConfiguration': {
          if (sub !== 'types/0' && sub !== 'types/EDGE' && sub !== 'types/REGIONAL' && sub !== 'types/PRIVATE') {
            throw invalidPatchPath(op);
          }
          const value = requireValue(op);
          if (!ENDPOINT_TYPES.has(value)) throw badRequest(`Invalid endpoint type: ${value}`);
          next.endpointConfiguration = { ...next.endpointConfiguration, types: [value] };
          break;
        }
        default:
          throw invalidPatchPath(op);
      }
    }
    const after = await tx.restApi.update({
      where: { id: restApiId },
      data: {
        name: next.name,
        description: next.description,
        version: next.version,
        policy: next.policy,
        apiKeySource: next.apiKeySource,
        minimumCompressionSize: next.minimumCompressionSize,
        disableExecuteApiEndpoint: next.disableExecuteApiEndpoint,
        binaryMediaTypes: next.binaryMediaTypes,
        endpointConfiguration: next.endpointConfiguration,
      },
    });
    await audit(tx, actor, {
      action: 'update-rest-api',
      targetType: 'RestApi',
      targetId: restApiId,
      before: toRestApi(before),
      after: toRestApi(after),
    });
    return after;
  });
  return toRestApi(row);
}
