// UpdateMethod: patch operations on a method's settings, all or nothing.
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { findMethod } from '../lookups';
import {
  invalidPatchPath,
  parseBoolean,
  parsePatchOperations,
  patchListMember,
  patchMapEntry,
  patchScalar,
  requireValue,
  splitPatchPath,
} from '../patch/patch-operations';
import { checkAuthorization, checkModels, checkRequestParameterName, checkRequestValidator } from './method-input';
import { METHOD_INCLUDE, type Method, toMethod } from './method-shape';

export async function updateMethod(
  actor: Actor,
  restApiId: string,
  resourceId: string,
  httpMethod: string,
  input: unknown,
): Promise<Method> {
  authorize(actor, 'edit');
  const operations = parsePatchOperations(input);
  const row = await db().$transaction(async (tx) => {
    const found = await findMethod(tx, restApiId, resourceId, httpMethod);
    const before = await tx.method.findUniqueOrThrow({ where: { id: found.id }, include: METHOD_INCLUDE });
    const next = {
      authorizationType: before.authorizationType,
      authorizerId: before.authorizerId,
      apiKeyRequired: before.apiKeyRequired,
      operationName: before.operationName,
      requestValidatorId: before.requestValidatorId,
      requestParameters: { ...(before.requestParameters as Record<string, boolean>) },
      requestModels: { ...(before.requestModels as Record<string, string>) },
      authorizationScopes: [...before.authorizationScopes],
    };
    for (const op of operations) {
      const [field, ...rest] = splitPatchPath(op.path);
      const key = rest.join('/');
      switch (field) {
        case 'authorizationType':
          next.authorizationType = requireValue(op);
          break;
        case 'authorizerId':
          next.authorizerId = patchScalar(op, requireValue);
          break;
        case 'apiKeyRequired':
          next.apiKeyRequired = parseBoolean(op);
          break;
        case 'operationName':
          next.operationName = patchScalar(op, requireValue);
          break;
        case 'requestValidatorId':
          next.requestValidatorId = patchScalar(op, requireValue) || null;
          break;
        case 'requestParameters':
          if (!key) throw invalidPatchPath(op);
          if (op.op !== 'remove') checkRequestParameterName(key);
          patchMapEntry(next.requestParameters, key, op, (o) => o.value === 'true');
          break;
        case 'requestModels':
          if (!key) throw invalidPatchPath(op);
          patchMapEntry(next.requestModels, key, op, requireValue);
          break;
        case 'authorizationScopes':
          next.authorizationScopes = patchListMember(next.authorizationScopes, key || requireValue(op), op);
          break;
        default:
          throw invalidPatchPath(op);
      }
    }
    await checkAuthorization(tx, restApiId, next.authorizationType, next.authorizerId);
    await checkRequestValidator(tx, restApiId, next.requestValidatorId);
    await checkModels(tx, restApiId, next.requestModels);
    const usesAuthorizer = next.authorizationType === 'CUSTOM' || next.authorizationType === 'COGNITO_USER_POOLS';
    const after = await tx.method.update({
      where: { id: before.id },
      data: { ...next, authorizerId: usesAuthorizer ? next.authorizerId : null },
      include: METHOD_INCLUDE,
    });
    await audit(tx, actor, {
      action: 'update-method',
      targetType: 'Method',
      targetId: `${resourceId}/${before.httpMethod}`,
      before: toMethod(before),
      after: toMethod(after),
    });
    return after;
  });
  return toMethod(row);
}
