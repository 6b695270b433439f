// Request-path handling shared by the routers and request targeting. Decisions (AWS's behaviour unconfirmed (?)):
// - empty segments are dropped: `//` is treated like `/` (so `/pets//1` = `/pets/1`), and a trailing slash is ignored
//   (AWS §2.1); a `{param}` therefore never captures an empty string;
// - the path is split on raw `/` BEFORE decoding, so `%2F` stays inside one segment (`/files/a%2Fb` → `a/b`);
// - each segment is URL-decoded (`%20` → space; `+` stays `+`, it is not form encoding) and literal parts are compared
//   with the decoded segment (`/p%65ts` matches `/pets`);
// - a segment with a malformed escape (`%zz`, `%E0%A4`) is kept exactly as sent instead of failing the request.

const SLASH = 47;

/** `path` with a leading `/`, no empty segments and no trailing `/` (`/` for the root). Allocates only when it must. */
export function normalizeRequestPath(path: string): string {
  const length = path.length;
  if (
    length > 0 &&
    path.charCodeAt(0) === SLASH &&
    (length === 1 || path.charCodeAt(length - 1) !== SLASH) &&
    !path.includes('//')
  ) {
    return path;
  }
  const collapsed = `/${path}`.replace(/\/{2,}/g, '/');
  return collapsed.length > 1 && collapsed.endsWith('/') ? collapsed.slice(0, -1) : collapsed;
}

/** One URL-decoded segment; a malformed escape leaves the segment as sent. */
export function decodeSegment(segment: string): string {
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The rest of a normalised path (`a/b%20c`) decoded segment by segment and joined with `/` (a greedy capture). */
export function decodeRest(rest: string): string {
  if (!rest.includes('%')) return rest;
  try {
    return decodeURIComponent(rest);
  } catch {
    return rest.split('/').map(decodeSegment).join('/');
  }
}

/**
 * RFC 3986's remove_dot_segments on a raw request path (`/a/b/../c/./d` → `/a/c/d`), as SigV4 canonicalises a path:
 * the path the gateway routes must be the path a signature covers. Encoded dots (`%2E`) are data, not segments.
 * Returns the path itself when it holds no dot segment (the usual case: no allocation).
 */
export function removeDotSegments(path: string): string {
  if (!path.startsWith('/') || !path.includes('/.')) return path;
  const out: string[] = [];
  const segments = path.split('/');
  for (let i = 1; i < segments.length; i++) {
    const segment = segments[i] as string;
    const last = i === segments.length - 1;
    if (segment === '.' || segment === '..') {
      if (segment === '..') out.pop();
      if (last) out.push('');
      continue;
    }
    out.push(segment);
  }
  return `/${out.join('/')}`;
}

/** The request path as method ARNs show it to resource policies and authorizers: the path the router matched —
 * normalised and decoded segment by segment — so no spelling of a path escapes a statement written for it. */
export function methodArnPath(path: string): string {
  const normalized = normalizeRequestPath(path);
  return normalized.includes('%') ? normalized.split('/').map(decodeSegment).join('/') : normalized;
}
