import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { findModel } from './find-model';
import { type Model, toModel } from './model-shape';

export async function getModel(actor: Actor, restApiId: string, modelName: string): Promise<Model> {
  authorize(actor, 'read');
  return toModel(await findModel(db(), restApiId, modelName));
}
