// UpdateIntegrationResponse: patch operations on an integration response, all or nothing.
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { type IntegrationResponse, toIntegrationResponse } from '../methods/method-shape';
import {
  invalidPatchPath,
  parsePatchOperations,
  patchMapEntry,
  patchScalar,
  requireValue,
  splitPatchPath,
} from '../patch/patch-operations';
import { findIntegrationResponse } from './find-integration-response';
import {
  checkIntegrationResponse,
  type IntegrationResponseFields,
  methodResponseParameters,
} from './integration-response-input';

export async function updateIntegrationResponse(
  actor: Actor,
  restApiId: string,
  resourceId: string,
  httpMethod: string,
  statusCode: string,
  input: unknown,
): Promise<IntegrationResponse> {
  authorize(actor, 'edit');
  const operations = parsePatchOperations(input);
  const row = await db().$transaction(async (tx) => {
    const { method, integrationResponse: before } = await findIntegrationResponse(
      tx,
      restApiId,
      resourceId,
      httpMethod,
      statusCode,
    );
    const next: IntegrationResponseFields = {
      selectionPattern: before.selectionPattern,
      responseParameters: { ...(before.responseParameters as Record<string, string>) },
      responseTemplates: { ...(before.responseTemplates as Record<string, string>) },
      contentHandling: before.contentHandling,
    };
    for (const op of operations) {
      const [field, ...rest] = splitPatchPath(op.path);
      const key = rest.join('/');
      const isMap = field === 'responseParameters' || field === 'responseTemplates';
      if (isMap ? !key : key) throw invalidPatchPath(op);
      switch (field) {
        case 'selectionPattern':
          next.selectionPattern = patchScalar(op, (o) => o.value ?? '') || null;
          break;
        case 'contentHandling':
          next.contentHandling = patchScalar(op, requireValue) || null;
          break;
        case 'responseParameters':
          patchMapEntry(next.responseParameters, key, op, requireValue);
          break;
        case 'responseTemplates':
          patchMapEntry(next.responseTemplates, key, op);
          break;
        default:
          throw invalidPatchPath(op);
      }
    }
    const declared = await methodResponseParameters(tx, method.id, before.statusCode);
    checkIntegrationResponse(next, declared, 'updateIntegrationResponseInput');
    const after = await tx.integrationResponse.update({ where: { id: before.id }, data: next });
    await audit(tx, actor, {
      action: 'update-integration-response',
      targetType: 'IntegrationResponse',
      targetId: `${method.resourceId}/${method.httpMethod}/${before.statusCode}`,
      before: toIntegrationResponse(before),
      after: toIntegrationResponse(after),
    });
    return after;
  });
  return toIntegrationResponse(row);
}
