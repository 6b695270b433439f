// GetStages: all stages of an API (AWS returns them unpaged), optionally those of one deployment.
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { findRestApi } from '../lookups';
import { type Stage, toStage } from './stage-shape';

export async function listStages(actor: Actor, restApiId: string, deploymentId?: string): Promise<Stage[]> {
  authorize(actor, 'read');
  await findRestApi(db(), restApiId);
  const rows = await db().stage.findMany({
    where: { restApiId, ...(deploymentId && { deploymentId }) },
    orderBy: { stageName: 'asc' },
  });
  return rows.map(toStage);
}
