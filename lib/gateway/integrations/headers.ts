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
/** ... and, for non-proxy integrations, these as well. */
const REMAPPED_NON_PROXY = new Set([
  ...REMAPPED_PROXY,
  'authorization',
  'content-md5',
  'expect',
  'host',
  'max-forwards',
  'proxy-authenticate',
  'trailer',
  'upgrade',
  'user-agent',
  'www-authenticate',
]);

const DROPPED_RESPONSE = new Set(['transfer-encoding', 'keep-alive']);

const canonical = (name: string) =>
  name.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());
/** lower-case name → `x-amzn-Remapped-<Name>`, computed once */
const REMAPPED_NAME = new Map([...REMAPPED_NON_PROXY].map((name) => [name, `x-amzn-Remapped-${canonical(name)}`]));

/** Backend response headers as the gateway passes them on: dropped, remapped or kept. */
export function passResponseHeaders(
  headers: Record<string, string | string[] | undefined>,
  proxy: boolean,
): Record<string, string | string[]> {
  const remapped = proxy ? REMAPPED_PROXY : REMAPPED_NON_PROXY;
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const lower = name.toLowerCase();
    if (DROPPED_RESPONSE.has(lower)) continue;
    out[remapped.has(lower) ? (REMAPPED_NAME.get(lower) as string) : name] = value;
  }
  return out;
}
