// GetModelTemplate: the mapping template generated from a model's schema, references to other models of the API
// resolved.
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { findModel } from './find-model';
import { modelReferenceUrl, parseStoredSchema } from './model-references';
import { modelTemplate } from './model-template';

export async function getModelTemplate(actor: Actor, restApiId: string, modelName: string): Promise<{ value: string }> {
  authorize(actor, 'read');
  const model = await findModel(db(), restApiId, modelName);
  const models = await db().model.findMany({ where: { restApiId } });
  const byUrl = new Map(models.map((m) => [modelReferenceUrl(restApiId, m.name), m.schema]));
  const value = modelTemplate(parseStoredSchema(model.schema), (ref) => parseStoredSchema(byUrl.get(ref) ?? null));
  return { value };
}
