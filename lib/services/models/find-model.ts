// A model of an API by name; AWS answers an unknown API and an unknown model with the same model NotFound.
import type { Tx } from '../../db/client';
import { notFound } from '../errors';

export async function findModel(tx: Tx, restApiId: string, modelName: string) {
  const model = await tx.model.findUnique({ where: { restApiId_name: { restApiId, name: modelName } } });
  if (!model) throw notFound(`Invalid model name specified: ${modelName}`);
  return model;
}
