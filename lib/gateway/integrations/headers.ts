// Header rules at the integration boundary (AWS §16).

/** Request headers that never reach a backend or a mapping. */
export const DROPPED_REQUEST_HEADERS = new Set([
  'connection',
  'content-length',
  'content-md5',
  'expect',
  'max-forwards',
  'proxy-authenticate',
  'server',
  'te',
  'transfer-encoding',
  'trailer',
  'upgrade',
  'www-authenticate',
  'host',
  'keep-alive',
  'proxy-connection',
]);

/** Integration response headers AWS renames to `x-amzn-Remapped-<Name>` (HTTP_PROXY). */
const REMAPPED_PROXY = new Set(['connection', 'content-length', 'date', 'server']);
const DROPPED_RESPONSE = new Set(['transfer-encoding', 'keep-alive']);

const canonical = (name: string) =>
  name.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());
/** lower-case name → `x-amzn-Remapped-<Name>`, computed once */
const REMAPPED_NAME = new Map([...REMAPPED_PROXY].map((name) => [name, `x-amzn-Remapped-${canonical(name)}`]));

/** HTTP_PROXY: the backend's raw header list as the client gets it, flat, in order, duplicates kept. */
export function proxyResponseHeaders(raw: readonly Buffer[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = (raw[i] as Buffer).toString('latin1');
    const lower = name.toLowerCase();
    if (DROPPED_RESPONSE.has(lower)) continue;
    const value = (raw[i + 1] as Buffer).toString('latin1');
    if (!REMAPPED_PROXY.has(lower)) {
      out.push(name, value);
      continue;
    }
    out.push(REMAPPED_NAME.get(lower) as string, value);
    // The client gets a Content-Length of the gateway's own (AWS's, too): the same length, the body being passed as is.
    if (lower === 'content-length') out.push('Content-Length', value);
  }
  return out;
}
