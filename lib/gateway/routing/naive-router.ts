// The deliberately naive reference router: tries every resource against the request, keeps those serving the verb,
// ranks them by specificity and takes the best. Slow (O(resources) per request, allocates freely) and written
// independently of the trie — its own method rules, splitting and ranking — so that the shared contract suite and a
// randomised comparison can prove the fast router right. Not for serving traffic.
import { parsePathTemplate, type TemplateSegment } from './path-template';
import { decodeSegment } from './request-path';
import type { RoutableResource, RouteMatch, ServingMethod } from './route-types';

const ANY_COVERS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'] as const;

interface NaiveEntry<R extends RoutableResource> {
  resource: R;
  template: TemplateSegment[];
}

export interface NaiveRouter<R extends RoutableResource> {
  entries: NaiveEntry<R>[];
}

interface Candidate<R extends RoutableResource> {
  match: RouteMatch<R>;
  /** Per consumed request segment: 0 literal, 1 `{param}`, 2 `{greedy+}` (which consumes the rest). */
  rank: number[];
}

export function compileNaiveRoutes<R extends RoutableResource>(resources: readonly R[]): NaiveRouter<R> {
  const seen = new Set<string>();
  const entries = resources.map((resource) => {
    if (seen.has(resource.path)) throw new Error(`Duplicate resource path ${resource.path}`);
    seen.add(resource.path);
    return { resource, template: parsePathTemplate(resource.path) };
  });
  return { entries };
}

function naiveServing(methods: Readonly<Record<string, unknown>>, verb: string): ServingMethod | null {
  const covered = ANY_COVERS.find((candidate) => candidate === verb);
  if (covered === undefined) return null;
  if (methods[covered] !== undefined) return covered;
  return methods.ANY !== undefined ? 'ANY' : null;
}

/** The rank and parameters when `template` matches `segments` (decoded), else null. */
function tryTemplate(
  template: TemplateSegment[],
  segments: string[],
): { rank: number[]; params: Array<[string, string]> } | null {
  const rank: number[] = [];
  const params: Array<[string, string]> = [];
  for (let i = 0; i < template.length; i++) {
    const part = template[i];
    const segment = segments[i];
    if (part === undefined || segment === undefined) return null;
    if (part.kind === 'greedy') {
      rank.push(2);
      params.push([part.name, segments.slice(i).join('/')]);
      return { rank, params };
    }
    if (part.kind === 'literal') {
      if (part.value !== segment) return null;
      rank.push(0);
    } else {
      rank.push(1);
      params.push([part.name, segment]);
    }
  }
  return template.length === segments.length ? { rank, params } : null;
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x - y;
  }
  return a.length - b.length;
}

export function matchNaiveRoute<R extends RoutableResource>(
  router: NaiveRouter<R>,
  method: string,
  path: string,
): RouteMatch<R> | null {
  const segments = path
    .split('/')
    .filter((segment) => segment !== '')
    .map(decodeSegment);
  const candidates: Candidate<R>[] = [];
  for (const { resource, template } of router.entries) {
    const httpMethod = naiveServing(resource.methods, method);
    if (httpMethod === null) continue;
    const tried = tryTemplate(template, segments);
    if (tried === null) continue;
    const pathParameters: Record<string, string> = Object.create(null);
    for (const [name, value] of tried.params) pathParameters[name] = value;
    candidates.push({ match: { resource, httpMethod, resourcePath: resource.path, pathParameters }, rank: tried.rank });
  }
  candidates.sort((a, b) => compareRanks(a.rank, b.rank));
  return candidates[0]?.match ?? null;
}
