// One header's value from Node's raw header list (`[name, value, …]`), its name compared case-insensitively,
// without building a header map (the hot path reads a few headers this way).
export function rawHeader(
  raw: readonly string[],
  lowerName: string,
  which: 'first' | 'last' = 'first',
): string | undefined {
  let found: string | undefined;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] as string;
    if (name.length !== lowerName.length || name.toLowerCase() !== lowerName) continue;
    found = raw[i + 1];
    if (which === 'first') return found;
  }
  return found;
}

/**
 * An identity header's one value: undefined when it is missing or sent more than once. An authorizer must never
 * judge one copy while the backend reads another (Node and most frameworks keep the first, AWS's maps the last).
 */
export function soleRawHeader(raw: readonly string[], lowerName: string): string | undefined {
  let found: string | undefined;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] as string;
    if (name.length !== lowerName.length || name.toLowerCase() !== lowerName) continue;
    if (found !== undefined) return undefined;
    found = raw[i + 1];
  }
  return found;
}

/** Headers given as maps (TestInvokeMethod's and TestInvokeAuthorizer's `headers` and `multiValueHeaders`) as Node's
 * raw list. */
export function rawHeaderList(
  headers: Record<string, string> = {},
  multiValueHeaders: Record<string, string[]> = {},
): string[] {
  const raw: string[] = [];
  for (const [name, value] of Object.entries(headers)) raw.push(name, value);
  for (const [name, values] of Object.entries(multiValueHeaders)) for (const value of values) raw.push(name, value);
  return raw;
}
