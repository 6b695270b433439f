// Tells running gateways that keys or plans serving some api-stages changed (they cache both).
import type { Tx } from '../../db/client';
import { notifyConfigChange } from '../config-changes';

export interface ApiStageRef {
  restApiId: string;
  stageName: string;
}

export async function notifyApiStages(tx: Tx, stages: ApiStageRef[], kind: 'api-key' | 'usage-plan'): Promise<void> {
  const seen = new Set<string>();
  for (const { restApiId, stageName } of stages) {
    const key = `${restApiId}/${stageName}`;
    if (seen.has(key)) continue;
    seen.add(key);
    await notifyConfigChange(tx, { restApiId, stageName, kind });
  }
}

/** The api-stages of every plan the key belongs to. */
export async function apiStagesOfKey(tx: Tx, apiKeyId: string): Promise<ApiStageRef[]> {
  return tx.usagePlanApiStage.findMany({
    where: { usagePlan: { keys: { some: { apiKeyId } } } },
    select: { restApiId: true, stageName: true },
  });
}
