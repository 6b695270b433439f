// Matching throughput on an API at AWS's 300-resource limit: `npx tsx lib/gateway/routing/bench.ts`.
// Prints matches/second for the trie (and, for scale, the naive reference) on literal, {param}, {greedy+} and
// whole-tree back-tracking requests. Informational only: no test asserts timings.
import { compileRoutes } from './compile-routes';
import { matchRoute } from './match-route';
import { compileNaiveRoutes, matchNaiveRoute } from './naive-router';
import type { RoutableResource, RouteMatch } from './route-types';

interface BenchResource extends RoutableResource {
  id: string;
  methods: Record<string, { httpMethod: string }>;
}

const RESOURCE_LIMIT = 300;

function resource(path: string, ...methods: string[]): BenchResource {
  return { id: path, path, methods: Object.fromEntries(methods.map((m) => [m, { httpMethod: m }])) };
}

function collection(i: number): BenchResource[] {
  const base = `/svc${i}`;
  return [
    resource(base, 'GET', 'POST'),
    resource(`${base}/search`, 'GET'),
    resource(`${base}/{id}`, 'GET', 'PUT', 'DELETE'),
    resource(`${base}/{id}/items`, 'GET', 'POST'),
    resource(`${base}/{id}/items/{itemId}`, 'GET', 'PATCH'),
    resource(`${base}/{id}/items/{itemId}/history`, 'GET'),
    resource(`${base}/{id}/files`, 'GET'),
    resource(`${base}/{id}/files/{path+}`, 'GET', 'PUT'),
    resource(`${base}/{id}/settings`, 'ANY'),
    resource(`${base}/{id}/members`, 'GET'),
    resource(`${base}/{id}/members/{memberId}`, 'GET', 'DELETE'),
    resource(`${base}/{id}/members/{memberId}/roles`, 'GET', 'PUT'),
    resource(`${base}/{id}/audit`, 'GET'),
    resource(`${base}/admin`, 'GET'),
    resource(`${base}/admin/stats`, 'GET'),
    resource(`${base}/admin/jobs`, 'GET', 'POST'),
    resource(`${base}/admin/jobs/{jobId}`, 'GET', 'DELETE'),
  ];
}

function buildApi(): BenchResource[] {
  const resources = [resource('/', 'GET'), resource('/{proxy+}', 'ANY')];
  for (let i = 0; resources.length + 17 <= RESOURCE_LIMIT; i++) resources.push(...collection(i));
  for (let i = 0; resources.length < RESOURCE_LIMIT; i++) resources.push(resource(`/misc${i}`, 'GET'));
  return resources;
}

type Matcher = (method: string, path: string) => RouteMatch<BenchResource> | null;

/** Matches per second over at least `minMs` of work, after a warm-up. */
function measure(match: Matcher, method: string, path: string, minMs: number): number {
  let sink = 0;
  for (let i = 0; i < 10_000; i++) sink += match(method, path) === null ? 0 : 1;
  let iterations = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (let i = 0; i < 10_000; i++) sink += match(method, path) === null ? 0 : 1;
    iterations += 10_000;
    elapsed = performance.now() - start;
  }
  if (sink < 0) console.log(sink);
  return (iterations / elapsed) * 1000;
}

const CASES: Array<[label: string, method: string, path: string]> = [
  ['literal', 'GET', '/svc15/admin/stats'],
  ['{param}', 'GET', '/svc9/12345/members/u-77/roles'],
  ['{greedy+}', 'GET', '/svc9/12345/files/2024/05/report%20final.pdf'],
  ['back-track to /{proxy+}', 'POST', '/svc9/12345/items/9/history'],
];

const resources = buildApi();
const compileStart = performance.now();
const trie = compileRoutes(resources);
const compileMs = performance.now() - compileStart;
const naive = compileNaiveRoutes(resources);

console.log(`${resources.length} resources; trie compiled in ${compileMs.toFixed(2)} ms`);
for (const [label, method, path] of CASES) {
  const result = matchRoute(trie, method, path);
  const slow = matchNaiveRoute(naive, method, path);
  if (result?.resourcePath !== slow?.resourcePath) throw new Error(`trie and naive disagree on ${method} ${path}`);
  const fast = measure((m, p) => matchRoute(trie, m, p), method, path, 500);
  const reference = measure((m, p) => matchNaiveRoute(naive, m, p), method, path, 200);
  console.log(
    `${label.padEnd(24)} ${method} ${path}\n${' '.repeat(24)} → ${result?.httpMethod} ${result?.resourcePath}` +
      `  trie ${Math.round(fast).toLocaleString('en-US')}/s  naive ${Math.round(reference).toLocaleString('en-US')}/s` +
      `  (×${(fast / reference).toFixed(0)})`,
  );
}
