import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { findRestApi } from '../lookups';
import { findStage } from './stage-input';
import { type Stage, toStage } from './stage-shape';

export async function getStage(actor: Actor, restApiId: string, stageName: string): Promise<Stage> {
  authorize(actor, 'read');
  await findRestApi(db(), restApiId);
  return toStage(await findStage(db(), restApiId, stageName));
}
