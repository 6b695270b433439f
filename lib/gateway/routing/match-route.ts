// Matching a request against a compiled trie (AWS §2.2–2.3). Depth-first, most specific first at every segment —
// literal, then `{param}`, then `{greedy+}` — and a branch only succeeds on a resource that serves the verb, so a
// more specific resource lacking the method falls back to a less specific one (AWS's back-tracking). Each trie node is
// reached at most once (its depth fixes the segment it sees), so a match costs O(depth) in practice and never more
// than the trie's size. Allocations: one substring per visited segment, decoding only for segments holding `%`, and
// the result (built only on success). Path parameters are written while unwinding; a name repeated in one template
// keeps its deepest value.
import type { CompiledRouter, RouteEndpoint, RouteNode } from './compile-routes';
import { isRoutableMethod } from './http-methods';
import { decodeRest, decodeSegment, normalizeRequestPath } from './request-path';
import type { RoutableResource, RouteMatch } from './route-types';

function found<R extends RoutableResource>(endpoint: RouteEndpoint<R>, verb: string): RouteMatch<R> | null {
  const httpMethod = endpoint.serving.get(verb);
  if (httpMethod === undefined) return null;
  const resource = endpoint.resource;
  const pathParameters: Record<string, string> = Object.create(null);
  return { resource, httpMethod, resourcePath: resource.path, pathParameters };
}

/** `start` is the first character of the next segment; at or past the end there are no segments left. */
function walk<R extends RoutableResource>(
  node: RouteNode<R>,
  path: string,
  start: number,
  verb: string,
): RouteMatch<R> | null {
  if (start >= path.length) return node.endpoint === null ? null : found(node.endpoint, verb);
  if (node.param === null && node.greedy === null && node.literals.size === 0) return null;
  let end = path.indexOf('/', start);
  if (end === -1) end = path.length;
  const segment = decodeSegment(path.slice(start, end));

  const literal = node.literals.get(segment);
  if (literal !== undefined) {
    const match = walk(literal, path, end + 1, verb);
    if (match !== null) return match;
  }
  const param = node.param;
  if (param !== null) {
    const match = walk(param.node, path, end + 1, verb);
    if (match !== null) {
      match.pathParameters[param.name] ??= segment;
      return match;
    }
  }
  const greedy = node.greedy;
  if (greedy !== null) {
    const match = found(greedy.endpoint, verb);
    if (match !== null) {
      match.pathParameters[greedy.name] = decodeRest(path.slice(start));
      return match;
    }
  }
  return null;
}

/**
 * The resource and method entry serving `method path`, or null (AWS then answers 403 Missing Authentication Token).
 * `path` is the resource path after the stage (no query string); `method` is case-sensitive (see effectiveMethod).
 */
export function matchRoute<R extends RoutableResource>(
  router: CompiledRouter<R>,
  method: string,
  path: string,
): RouteMatch<R> | null {
  if (!isRoutableMethod(method)) return null;
  // A normalised path starts with `/`; the root `/` has no segments at all.
  return walk(router.root, normalizeRequestPath(path), 1, method);
}
