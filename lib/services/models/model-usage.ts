// What still uses a model, in AWS's words for the ConflictException DeleteModel answers: a method request
// (requestModels), a method response (responseModels) or another model's `$ref`.
import type { Tx } from '../../db/client';
import { collectReferences, modelReferenceUrl, parseStoredSchema } from './model-references';

const usesModel = (models: unknown, name: string): boolean =>
  Boolean(models) && typeof models === 'object' && Object.values(models as object).includes(name);

export async function findModelUser(tx: Tx, restApiId: string, name: string): Promise<string | null> {
  const methods = await tx.method.findMany({
    where: { restApiId },
    include: { resource: true },
    orderBy: [{ resourceId: 'asc' }, { httpMethod: 'asc' }],
  });
  const method = methods.find((m) => usesModel(m.requestModels, name));
  if (method) return `method request: ${method.resource.path}/${method.httpMethod}`;

  const responses = await tx.methodResponse.findMany({
    where: { method: { restApiId } },
    include: { method: { include: { resource: true } } },
    orderBy: [{ methodId: 'asc' }, { statusCode: 'asc' }],
  });
  const response = responses.find((r) => usesModel(r.responseModels, name));
  if (response) {
    return `method response: ${response.method.resource.path}/${response.method.httpMethod}/${response.statusCode}`;
  }

  const url = modelReferenceUrl(restApiId, name);
  const models = await tx.model.findMany({ where: { restApiId, name: { not: name } }, orderBy: { name: 'asc' } });
  const model = models.find((m) => collectReferences(parseStoredSchema(m.schema)).includes(url));
  return model ? `model: ${model.name}` : null;
}
