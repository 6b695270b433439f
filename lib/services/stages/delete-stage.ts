import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { notifyConfigChange } from '../config-changes';
import { findRestApi } from '../lookups';
import { removeStageAssociations } from '../waf/remove-stage-associations';
import { findStage } from './stage-input';
import { toStage } from './stage-shape';

/** DeleteStage: the stage, its usage-plan attachments, base-path mappings to it and its web ACL association. */
export async function deleteStage(actor: Actor, restApiId: string, stageName: string): Promise<void> {
  authorize(actor, 'deploy');
  await db().$transaction(async (tx) => {
    await findRestApi(tx, restApiId);
    const stage = await findStage(tx, restApiId, stageName);
    await removeStageAssociations(tx, actor, restApiId, stageName);
    await tx.usagePlanApiStage.deleteMany({ where: { restApiId, stageName } });
    await tx.basePathMapping.deleteMany({ where: { restApiId, stage: stageName } });
    await tx.stage.delete({ where: { id: stage.id } });
    await audit(tx, actor, {
      action: 'delete-stage',
      targetType: 'Stage',
      targetId: `${restApiId}/${stageName}`,
      before: toStage(stage),
    });
    await notifyConfigChange(tx, { restApiId, stageName, kind: 'stage-deleted' });
  });
}
