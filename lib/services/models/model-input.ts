// Validation shared by CreateModel and UpdateModel: the model name, and the schema (JSON, references resolvable).
import type { Tx } from '../../db/client';
import { badRequest } from '../errors';
import { collectReferences, parseModelReference } from './model-references';

const invalidModel = (error: string) =>
  badRequest(`Invalid model specified: Validation Result: warnings : [], errors : [${error}]`);

export function checkModelName(name: string | undefined): string {
  if (!name) throw badRequest('Model name must be non-empty');
  if (!/^[A-Za-z0-9]+$/.test(name)) throw badRequest(`Model name must be alphanumeric: ${name}`);
  return name;
}

/**
 * Checks a schema document: present, a JSON object, and every `$ref` either internal (`#…`) or a canonical reference
 * to a model of the same API that exists (`selfName`, the model being written, counts as existing).
 */
export async function checkModelSchema(
  tx: Tx,
  restApiId: string,
  schema: string | null | undefined,
  selfName: string,
): Promise<void> {
  if (!schema) throw badRequest('Model schema must have at least 1 property or array items defined');
  let parsed: unknown;
  try {
    parsed = JSON.parse(schema);
  } catch {
    throw invalidModel('Invalid model schema specified');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw invalidModel('Invalid model schema specified');
  for (const ref of new Set(collectReferences(parsed))) {
    if (ref.startsWith('#')) continue;
    const target = parseModelReference(ref);
    if (!target) throw invalidModel('Invalid model schema specified, Model reference must be in canonical form');
    const exists =
      target.restApiId === restApiId &&
      (target.modelName === selfName ||
        (await tx.model.findUnique({ where: { restApiId_name: { restApiId, name: target.modelName } } })) !== null);
    if (!exists) throw invalidModel(`Invalid model schema specified, Invalid model reference specified: ${ref}`);
  }
}
