// Header rules at the integration boundary (AWS §16).

/** Request headers that never reach a backend or a mapping. */
export const DROPPED_REQUEST_HEADERS = new Set([
  'connection',
  'content-length',
  'content-md5',
  'expect',
  'max-forwards',
  'proxy-authenticate',
  'proxy-authorization',
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

/** Integration response headers AWS renames to `x-amzn-Remapped-<Name>` (HTTP_PROXY, MOCK). */
const REMAPPED_ALWAYS = ['Connection', 'Content-Length', 'Date', 'Server'];
/** …and, for the mapped headers of an HTTP (non-proxy) integration, these as well. */
const REMAPPED_HTTP_ONLY = [
  'Authorization',
  'Content-MD5',
  'Expect',
  'Host',
  'Max-Forwards',
  'Proxy-Authenticate',
  'Trailer',
  'Upgrade',
  'User-Agent',
  'WWW-Authenticate',
];
const lowerSet = (names: string[]) => new Set(names.map((name) => name.toLowerCase()));
const REMAPPED_PROXY = lowerSet(REMAPPED_ALWAYS);
const REMAPPED_NON_PROXY = lowerSet([...REMAPPED_ALWAYS, ...REMAPPED_HTTP_ONLY]);
/** lower-case name → `x-amzn-Remapped-<Name>`, computed once */
const REMAPPED_NAME = new Map(
  [...REMAPPED_ALWAYS, ...REMAPPED_HTTP_ONLY].map((name) => [name.toLowerCase(), `x-amzn-Remapped-${name}`]),
);
const DROPPED_RESPONSE = new Set(['transfer-encoding', 'keep-alive']);
/**
 * HTTP_PROXY also drops `Via` (AWS, LocalStack-validated). LocalStack drops `Content-Encoding` too, but its client
 * has already decoded the body by then; AWS documents that it honours an integration's Content-Encoding (no second
 * compression), and Portico passes the body as it came, so the header that describes it stays.
 */
const DROPPED_PROXY_RESPONSE = new Set([...DROPPED_RESPONSE, 'via']);

/** HTTP_PROXY: the backend's raw header list as the client gets it, flat, in order, duplicates kept. */
export function proxyResponseHeaders(raw: readonly Buffer[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = (raw[i] as Buffer).toString('latin1');
    const lower = name.toLowerCase();
    if (DROPPED_PROXY_RESPONSE.has(lower)) continue;
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

/**
 * MOCK and HTTP (non-proxy), and a Lambda proxy function's headers (as MOCK's): the method response headers after
 * mapping, as the client gets them. A mapped header
 * AWS keeps for itself goes out as `x-amzn-Remapped-<Name>` (a wider set for HTTP), so a mapping can never set the
 * response's framing (Content-Length, Transfer-Encoding, Connection) from a backend's or a template's value.
 */
export function methodResponseHeaders(
  headers: Record<string, string | string[]>,
  integrationType: 'HTTP' | 'MOCK' | 'AWS' | 'AWS_PROXY',
): Record<string, string | string[]> {
  const remapped = integrationType === 'HTTP' ? REMAPPED_NON_PROXY : REMAPPED_PROXY;
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (DROPPED_RESPONSE.has(lower)) continue;
    out[remapped.has(lower) ? (REMAPPED_NAME.get(lower) as string) : name] = value;
  }
  return out;
}
