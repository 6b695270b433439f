// FlushStageCache / FlushStageAuthorizersCache: gateways holding a cache for the stage drop it when notified.
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { notifyConfigChange } from '../config-changes';
import { findRestApi } from '../lookups';
import { findStage } from './stage-input';

export async function flushStageCache(
  actor: Actor,
  restApiId: string,
  stageName: string,
  which: 'data' | 'authorizers',
): Promise<void> {
  authorize(actor, 'deploy');
  await db().$transaction(async (tx) => {
    await findRestApi(tx, restApiId);
    await findStage(tx, restApiId, stageName);
    await audit(tx, actor, {
      action: which === 'data' ? 'flush-stage-cache' : 'flush-stage-authorizers-cache',
      targetType: 'Stage',
      targetId: `${restApiId}/${stageName}`,
    });
    await notifyConfigChange(tx, {
      restApiId,
      stageName,
      kind: which === 'data' ? 'flush-cache' : 'flush-authorizer-cache',
    });
  });
}
