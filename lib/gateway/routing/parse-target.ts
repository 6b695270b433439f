// Which API and stage a request is for (AWS §2.1, §16), from its Host header and raw request target:
// 1. a custom domain (host in `customDomains`): the longest base path matching whole leading segments wins (multi-level
//    `orders/v1` allowed) and is stripped, the empty base path (`''` or `(none)`) being the fallback; a mapping with
//    a null stage takes the stage from the next segment;
// 2. `{apiId}.execute-api.{anything}` (also the private form `{apiId}-vpce-….execute-api.…`): path `/{stage}/{rest}`;
// 3. any other host: path-based, `/{apiId}/{stage}/{rest}`.
// Host matching ignores case, the port and a trailing dot; custom-domain keys must be lower-case. API ids are
// `[a-z0-9]{10}`, stage names `[A-Za-z0-9_-]{1,128}`; base paths compare case-sensitively (?). Empty segments are
// skipped while reading the api id, stage and base path; `path` is the rest exactly as sent (undecoded, trailing
// slash kept, `/` when empty) — matchRoute normalises it. The query string is split off into `query`.
import { normalizeRequestPath } from './request-path';

export interface BasePathMapping {
  /** `''` (or AWS's display form `(none)`) for the empty base path; levels separated by `/`, no leading slash. */
  readonly basePath: string;
  readonly restApiId: string;
  /** null: the stage is the first path segment after the base path. */
  readonly stage: string | null;
}

export interface TargetOptions {
  /** Lower-case domain name → its base path mappings. */
  readonly customDomains?: ReadonlyMap<string, readonly BasePathMapping[]>;
}

export type TargetSource = 'custom-domain' | 'execute-api-host' | 'path';

export interface RequestTarget {
  restApiId: string;
  stage: string;
  /** The resource path to route, as sent: starts with `/`, not decoded. */
  path: string;
  /** The raw query string without `?` (`''` when none). */
  query: string;
  /** How the request addressed the API (an API with `disableExecuteApiEndpoint` only answers `custom-domain`). */
  source: TargetSource;
  /** The matched base path for a custom domain (`''` for none), else null. */
  basePath: string | null;
}

const SLASH = 47;
const API_ID = /^[a-z0-9]{10}$/;
const EXECUTE_API_LABEL = /^([a-z0-9]{10})(?:-vpce-[a-z0-9]+)?$/;
const STAGE = /^[A-Za-z0-9_-]{1,128}$/;
const EXECUTE_API = '.execute-api.';

/** The host name: lower-case, without the port (IPv6 literals keep their brackets) or a trailing dot. */
export function hostName(hostHeader: string | undefined): string {
  if (hostHeader === undefined) return '';
  let host = hostHeader.trim().toLowerCase();
  if (host.startsWith('[')) {
    const close = host.indexOf(']');
    return close === -1 ? host : host.slice(0, close + 1);
  }
  const colon = host.lastIndexOf(':');
  if (colon !== -1) host = host.slice(0, colon);
  return host.endsWith('.') ? host.slice(0, -1) : host;
}

/** A cursor over the raw path's segments that skips empty ones. */
class Segments {
  constructor(
    private readonly path: string,
    public position = 0,
  ) {}

  /** The next non-empty segment (advancing past it), or null at the end. */
  next(): string | null {
    let start = this.position;
    while (start < this.path.length && this.path.charCodeAt(start) === SLASH) start++;
    if (start >= this.path.length) return null;
    let end = this.path.indexOf('/', start);
    if (end === -1) end = this.path.length;
    this.position = end;
    return this.path.slice(start, end);
  }

  rest(): string {
    const rest = this.path.slice(this.position);
    return rest === '' ? '/' : rest;
  }
}

function levelsOf(basePath: string): number {
  let levels = basePath === '' ? 0 : 1;
  for (let i = 0; i < basePath.length; i++) if (basePath.charCodeAt(i) === SLASH) levels++;
  return levels;
}

function stripped(basePath: string): string {
  if (basePath === '(none)') return '';
  if (basePath.charCodeAt(0) !== SLASH && basePath.charCodeAt(basePath.length - 1) !== SLASH) return basePath;
  return basePath.replace(/^\/+|\/+$/g, '');
}

/** Whether `basePath`'s levels are the leading segments of the normalised `path`. */
function startsWithBasePath(path: string, basePath: string): boolean {
  if (basePath === '') return true;
  if (!path.startsWith(basePath, 1)) return false;
  const after = basePath.length + 1;
  return path.length === after || path.charCodeAt(after) === SLASH;
}

function viaCustomDomain(mappings: readonly BasePathMapping[], pathPart: string, query: string): RequestTarget | null {
  const normalized = normalizeRequestPath(pathPart);
  let best: BasePathMapping | null = null;
  let bestBasePath = '';
  for (const mapping of mappings) {
    const basePath = stripped(mapping.basePath);
    if (startsWithBasePath(normalized, basePath) && (best === null || basePath.length > bestBasePath.length)) {
      best = mapping;
      bestBasePath = basePath;
    }
  }
  if (best === null) return null;
  const segments = new Segments(pathPart);
  for (let level = levelsOf(bestBasePath); level > 0; level--) segments.next();
  const stage = best.stage ?? segments.next();
  if (stage === null || !STAGE.test(stage)) return null;
  return {
    restApiId: best.restApiId,
    stage,
    path: segments.rest(),
    query,
    source: 'custom-domain',
    basePath: bestBasePath,
  };
}

function target(restApiId: string, segments: Segments, query: string, source: TargetSource): RequestTarget | null {
  const stage = segments.next();
  if (stage === null || !STAGE.test(stage)) return null;
  return { restApiId, stage, path: segments.rest(), query, source, basePath: null };
}

/**
 * The API, stage and resource path a request addresses, or null when it addresses none (AWS answers 403).
 * `rawPath` is the request target as received (Node's `req.url`): origin-form, query string included.
 */
export function parseTarget(
  hostHeader: string | undefined,
  rawPath: string,
  options: TargetOptions = {},
): RequestTarget | null {
  if (rawPath.charCodeAt(0) !== SLASH) return null;
  const questionMark = rawPath.indexOf('?');
  const pathPart = questionMark === -1 ? rawPath : rawPath.slice(0, questionMark);
  const query = questionMark === -1 ? '' : rawPath.slice(questionMark + 1);
  const host = hostName(hostHeader);

  const mappings = options.customDomains?.get(host);
  if (mappings !== undefined) return viaCustomDomain(mappings, pathPart, query);

  const marker = host.indexOf(EXECUTE_API);
  if (marker > 0 && !host.slice(0, marker).includes('.')) {
    const label = EXECUTE_API_LABEL.exec(host.slice(0, marker));
    if (label?.[1] === undefined) return null;
    return target(label[1], new Segments(pathPart), query, 'execute-api-host');
  }

  const segments = new Segments(pathPart);
  const restApiId = segments.next();
  if (restApiId === null || !API_ID.test(restApiId)) return null;
  return target(restApiId, segments, query, 'path');
}
