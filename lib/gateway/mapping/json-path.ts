// The JSONPath of mapping expressions (`method.request.body.a.b[0]`, `integration.response.body.x`): dotted names and
// array indexes, evaluated on parsed JSON.
export function evaluateSimplePath(value: unknown, path: string): unknown {
  let current = value;
  for (const part of path.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) return undefined;
    const [, name, indexes] = m as unknown as [string, string, string];
    if (name) {
      if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
      current = (current as Record<string, unknown>)[name];
    }
    for (const index of indexes.match(/\d+/g) ?? []) {
      if (!Array.isArray(current)) return undefined;
      current = current[Number(index)];
    }
  }
  return current;
}

export function bodyValue(body: string, path: string | undefined): string | undefined {
  if (path === undefined) return body;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  const value = evaluateSimplePath(parsed, path);
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}
