// JSON Schema draft-04 validators for an API's models (AWS §11), compiled once per deployment on first use. Models
// refer to each other as `https://apigateway.amazonaws.com/restapis/{apiId}/models/{name}`.

import type { ValidateFunction } from 'ajv';
import Ajv from 'ajv-draft-04';
import type { Snapshot } from '../../snapshot/snapshot-schema';

export type ModelValidators = (modelName: string) => ValidateFunction | undefined;

export const modelUrl = (restApiId: string, name: string) =>
  `https://apigateway.amazonaws.com/restapis/${restApiId}/models/${name}`;

export function compileModelValidators(snapshot: Snapshot): ModelValidators {
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
  const known = new Set<string>();
  for (const model of snapshot.models) {
    if (!model.schema) continue;
    try {
      const { id: _ignoredId, $id: _ignored$id, ...schema } = JSON.parse(model.schema) as Record<string, unknown>;
      ajv.addSchema(schema, modelUrl(snapshot.restApiId, model.name));
      known.add(model.name);
    } catch {
      // an unparsable schema validates nothing; the management API refuses such models anyway
    }
  }
  const cache = new Map<string, ValidateFunction | undefined>();
  return (name) => {
    if (!known.has(name)) return undefined;
    if (!cache.has(name)) {
      let validate: ValidateFunction | undefined;
      try {
        validate = ajv.getSchema(modelUrl(snapshot.restApiId, name));
      } catch {
        validate = undefined;
      }
      cache.set(name, validate);
    }
    return cache.get(name);
  };
}
