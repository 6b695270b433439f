// An API key's stageKeys ("restApiId/stageName"), each naming an existing stage.
import type { Tx } from '../../db/client';
import { badRequest, notFound } from '../errors';
import { findRestApi } from '../lookups';

export function parseStageKey(stageKey: string): { restApiId: string; stageName: string } {
  const slash = stageKey.indexOf('/');
  const restApiId = stageKey.slice(0, slash);
  const stageName = stageKey.slice(slash + 1);
  if (slash < 1 || !stageName || stageName.includes('/')) {
    throw badRequest(`Invalid stage key specified: ${stageKey}. Expected restApiId/stageName`);
  }
  return { restApiId, stageName };
}

export async function checkStageKeys(tx: Tx, stageKeys: string[]): Promise<void> {
  for (const stageKey of stageKeys) {
    const { restApiId, stageName } = parseStageKey(stageKey);
    await findRestApi(tx, restApiId);
    const stage = await tx.stage.findUnique({ where: { restApiId_stageName: { restApiId, stageName } } });
    if (!stage) throw notFound('Invalid Stage identifier specified');
  }
}
