// An HTTP integration's URI, compiled once per integration into literal text and placeholders — `{name}` /
// `{name+}` path values (integration.request.path.*), `${stageVariables.x}` — and expanded per request into the
// backend's origin and request target. When the scheme and authority hold no placeholder (the usual case), the
// origin is known at compile time and a request costs a string join, no URL parsing.
import { GatewayError } from '../gateway-error';

type Part = { text: string } | { pathValue: string } | { stageVariable: string };

export interface CompiledUri {
  /** `http://host:port`, when the URI's scheme and authority are literal */
  origin?: string;
  /** the request target after `origin` when it is known, else the whole URI */
  parts: readonly Part[];
  hasQuery: boolean;
}

export interface BackendTarget {
  origin: string;
  /** path and query string, `/items/42?a=b` */
  path: string;
}

const PLACEHOLDER = /\$\{stageVariables\.([A-Za-z0-9_]+)\}|\{([^{}+]+)\+?\}/g;
const SCHEME_AND_AUTHORITY = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/;

function compileParts(text: string): Part[] {
  const parts: Part[] = [];
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    if (m.index > last) parts.push({ text: text.slice(last, m.index) });
    parts.push(m[1] !== undefined ? { stageVariable: m[1] } : { pathValue: m[2] as string });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

export function compileUri(uri: string): CompiledUri {
  const hasQuery = uri.includes('?');
  const head = SCHEME_AND_AUTHORITY.exec(uri)?.[0];
  if (head !== undefined && !head.includes('{')) {
    let origin: string | undefined;
    try {
      origin = new URL(head).origin;
    } catch {
      origin = undefined;
    }
    if (origin?.startsWith('http://') || origin?.startsWith('https://')) {
      const rest = uri.slice(head.length);
      return { origin, parts: compileParts(rest.startsWith('/') ? rest : `/${rest}`), hasQuery };
    }
  }
  return { parts: compileParts(uri), hasQuery };
}

const compiledUris = new WeakMap<object, CompiledUri>();

/** The integration's compiled URI, compiled on first use (snapshots are immutable: one compilation per deployment). */
export function integrationUri(integration: { uri?: string }): CompiledUri {
  let compiled = compiledUris.get(integration);
  if (compiled === undefined) {
    compiled = compileUri(integration.uri ?? '');
    compiledUris.set(integration, compiled);
  }
  return compiled;
}

/** A client's path value that cannot go into a backend's URI (Portico's refusal: AWS's own answer is unknown). */
const badPathValue = () => new GatewayError('BAD_REQUEST_PARAMETERS', 'Invalid request path parameter');

/**
 * A path value keeps its slashes (a greedy `{proxy+}` value is `a/b/c`) and each segment is percent-encoded. A `.`
 * or `..` segment is refused: re-encoded as `%2E%2E` it would still climb above the integration's path on the many
 * backends (nginx, Apache, most frameworks) that decode before they resolve dot segments.
 */
function encodePathValue(value: string): string {
  let out = '';
  let start = 0;
  for (;;) {
    const slash = value.indexOf('/', start);
    const segment = value.slice(start, slash === -1 ? undefined : slash);
    if (segment === '.' || segment === '..') throw badPathValue();
    out += encodeURIComponent(segment);
    if (slash === -1) return out;
    out += '/';
    start = slash + 1;
  }
}

/** Host names only: a client's value placed in the authority can never add a path, a port or a user, or change the
 * host to anything but a name made of its own labels. */
const HOST_LABELS = /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*$/;
const IN_AUTHORITY = /^([A-Za-z][A-Za-z0-9+.-]*:(\/\/[^/?#]*)?)?$/;

function expand(
  parts: readonly Part[],
  pathValues: Record<string, string | undefined>,
  stageVariables: Record<string, string>,
  withAuthority: boolean,
): string {
  let out = '';
  for (const part of parts) {
    if ('text' in part) out += part.text;
    else if ('stageVariable' in part) out += stageVariables[part.stageVariable] ?? '';
    else {
      const value = pathValues[part.pathValue];
      if (value === undefined) out += `{${part.pathValue}}`;
      else if (withAuthority && IN_AUTHORITY.test(out)) {
        if (!HOST_LABELS.test(value)) throw badPathValue();
        out += value;
      } else out += encodePathValue(value);
    }
  }
  return out;
}

/** Where one request goes: the origin and the target with path values, stage variables and query string applied. */
export function backendTarget(
  uri: CompiledUri,
  pathValues: Record<string, string | undefined>,
  stageVariables: Record<string, string>,
  query: ReadonlyArray<readonly [string, string]>,
): BackendTarget {
  let target = expand(uri.parts, pathValues, stageVariables, uri.origin === undefined);
  if (query.length > 0) {
    let search = '';
    for (const [name, value] of query) {
      search += `${search === '' ? '' : '&'}${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
    }
    target += `${uri.hasQuery ? '&' : '?'}${search}`;
  }
  if (uri.origin !== undefined) return { origin: uri.origin, path: target };
  // A stage variable in the scheme or authority: known only now. The path stays as built (a URL parser would resolve
  // an encoded `%2E%2E` segment and let a client's path value climb).
  const head = SCHEME_AND_AUTHORITY.exec(target)?.[0];
  let url: URL;
  try {
    url = new URL(head ?? target);
  } catch {
    throw new GatewayError('API_CONFIGURATION_ERROR');
  }
  if (head === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new GatewayError('API_CONFIGURATION_ERROR');
  }
  const rest = target.slice(head.length);
  return { origin: url.origin, path: rest.startsWith('/') ? rest : `/${rest}` };
}
