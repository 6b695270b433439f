// `$ref`s inside model schemas. A reference to another model of the same API must be in AWS's canonical form
// `https://apigateway.amazonaws.com/restapis/{restApiId}/models/{modelName}`; `#…` references stay inside the schema.

const CANONICAL = /^https:\/\/apigateway\.amazonaws\.com\/restapis\/([^/]+)\/models\/([^/#?]+)$/;

export const modelReferenceUrl = (restApiId: string, modelName: string): string =>
  `https://apigateway.amazonaws.com/restapis/${restApiId}/models/${modelName}`;

/** Every `$ref` string anywhere in a parsed schema. */
export function collectReferences(node: unknown, into: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const item of node) collectReferences(item, into);
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') into.push(value);
      else collectReferences(value, into);
    }
  }
  return into;
}

/** The API and model a canonical reference names, or null when the reference is not canonical. */
export function parseModelReference(ref: string): { restApiId: string; modelName: string } | null {
  const match = CANONICAL.exec(ref);
  if (!match) return null;
  return { restApiId: match[1] as string, modelName: decodeURIComponent(match[2] as string) };
}

/** Parses a stored schema, or null when it is absent or not JSON. */
export function parseStoredSchema(schema: string | null): unknown {
  if (!schema) return null;
  try {
    return JSON.parse(schema);
  } catch {
    return null;
  }
}
