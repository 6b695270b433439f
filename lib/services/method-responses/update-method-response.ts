// UpdateMethodResponse: patch operations on a method response's headers and models, all or nothing.
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { checkMethodResponseParameterNames } from '../integrations/mapping-expressions';
import { checkModels } from '../methods/method-input';
import { type MethodResponse, toMethodResponse } from '../methods/method-shape';
import {
  invalidPatchPath,
  parsePatchOperations,
  patchMapEntry,
  requireValue,
  splitPatchPath,
} from '../patch/patch-operations';
import { findMethodResponse } from './find-method-response';

export async function updateMethodResponse(
  actor: Actor,
  restApiId: string,
  resourceId: string,
  httpMethod: string,
  statusCode: string,
  input: unknown,
): Promise<MethodResponse> {
  authorize(actor, 'edit');
  const operations = parsePatchOperations(input);
  const row = await db().$transaction(async (tx) => {
    const { method, methodResponse: before } = await findMethodResponse(
      tx,
      restApiId,
      resourceId,
      httpMethod,
      statusCode,
    );
    const responseParameters = { ...(before.responseParameters as Record<string, boolean>) };
    const responseModels = { ...(before.responseModels as Record<string, string>) };
    for (const op of operations) {
      const [field, ...rest] = splitPatchPath(op.path);
      const key = rest.join('/');
      if (!key) throw invalidPatchPath(op);
      if (field === 'responseParameters') {
        patchMapEntry(responseParameters, key, op, (o) => o.value === 'true');
      } else if (field === 'responseModels') {
        patchMapEntry(responseModels, key, op, requireValue);
      } else {
        throw invalidPatchPath(op);
      }
    }
    checkMethodResponseParameterNames(responseParameters);
    await checkModels(tx, restApiId, responseModels);
    const after = await tx.methodResponse.update({
      where: { id: before.id },
      data: { responseParameters, responseModels },
    });
    await audit(tx, actor, {
      action: 'update-method-response',
      targetType: 'MethodResponse',
      targetId: `${method.resourceId}/${method.httpMethod}/${before.statusCode}`,
      before: toMethodResponse(before),
      after: toMethodResponse(after),
    });
    return after;
  });
  return toMethodResponse(row);
}
