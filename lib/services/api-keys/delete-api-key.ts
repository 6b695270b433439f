// DeleteApiKey: the key leaves every usage plan (and its usage counters go with it).
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { apiStagesOfKey, notifyApiStages } from '../usage-plans/notify-gateways';
import { toApiKey } from './api-key-shape';
import { findApiKey } from './find-api-key';

export async function deleteApiKey(actor: Actor, apiKeyId: string): Promise<void> {
  authorize(actor, 'edit');
  await db().$transaction(async (tx) => {
    const before = await findApiKey(tx, apiKeyId);
    const stages = await apiStagesOfKey(tx, apiKeyId);
    await tx.apiKey.delete({ where: { id: apiKeyId } });
    await audit(tx, actor, {
      action: 'delete-api-key',
      targetType: 'ApiKey',
      targetId: apiKeyId,
      before: toApiKey(before),
    });
    await notifyApiStages(tx, stages, 'api-key');
  });
}
