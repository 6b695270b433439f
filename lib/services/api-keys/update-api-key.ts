// UpdateApiKey: patch operations on a key's fields and stage keys, all or nothing. The value itself cannot change.
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { badRequest } from '../errors';
import {
  invalidPatchPath,
  parseBoolean,
  parsePatchOperations,
  patchListMember,
  patchScalar,
  requireValue,
  splitPatchPath,
} from '../patch/patch-operations';
import { apiStagesOfKey, notifyApiStages } from '../usage-plans/notify-gateways';
import { type ApiKey, toApiKey } from './api-key-shape';
import { findApiKey } from './find-api-key';
import { checkStageKeys, parseStageKey } from './stage-keys';

export async function updateApiKey(actor: Actor, apiKeyId: string, input: unknown): Promise<ApiKey> {
  authorize(actor, 'edit');
  const operations = parsePatchOperations(input);
  const row = await db().$transaction(async (tx) => {
    const before = await findApiKey(tx, apiKeyId);
    const next = {
      name: before.name,
      description: before.description,
      enabled: before.enabled,
      customerId: before.customerId,
      stageKeys: [...before.stageKeys],
    };
    const addedStageKeys: string[] = [];
    for (const op of operations) {
      const [field, ...rest] = splitPatchPath(op.path);
      const sub = rest.join('/');
      switch (field) {
        case 'name':
          next.name = patchScalar(op, requireValue);
          break;
        case 'description':
          next.description = patchScalar(op, requireValue);
          break;
        case 'customerId':
          next.customerId = patchScalar(op, requireValue);
          break;
        case 'enabled':
          if (sub) throw invalidPatchPath(op);
          next.enabled = parseBoolean(op);
          break;
        case 'stages': {
          const stageKey = sub || requireValue(op);
          parseStageKey(stageKey);
          if (op.op === 'add') addedStageKeys.push(stageKey);
          next.stageKeys = patchListMember(next.stageKeys, stageKey, op);
          break;
        }
        default:
          throw invalidPatchPath(op);
      }
    }
    if (next.name !== null && next.name.length > 1024)
      throw badRequest('Invalid API Key name: at most 1024 characters');
    await checkStageKeys(
      tx,
      addedStageKeys.filter((key) => next.stageKeys.includes(key)),
    );
    const after = await tx.apiKey.update({ where: { id: apiKeyId }, data: next });
    await audit(tx, actor, {
      action: 'update-api-key',
      targetType: 'ApiKey',
      targetId: apiKeyId,
      before: toApiKey(before),
      after: toApiKey(after),
    });
    await notifyApiStages(tx, await apiStagesOfKey(tx, apiKeyId), 'api-key');
    return after;
  });
  return toApiKey(row);
}
