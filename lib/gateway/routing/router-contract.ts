// The routing contract (AWS §2.1–2.3) as a table of cases, run against any router implementation by one function.
// router.test.ts applies it to the trie (compile-routes + match-route) and to the naive reference (naive-router), so
// the two must agree with each other and with AWS. Each case names the rule it pins; "(?)" marks a Portico decision
// where AWS's behaviour is unconfirmed. `expect` is `'<method entry> <resource path>'`, or null for AWS's 403.
import { describe, expect, it } from 'vitest';
import type { RouteMatch } from './route-types';

export interface ContractResource {
  id: string;
  path: string;
  methods: Record<string, { httpMethod: string }>;
}

export interface RouterCase {
  name: string;
  method: string;
  path: string;
  expect: string | null;
  params?: Record<string, string>;
}

export interface RouterFixture {
  name: string;
  resources: ContractResource[];
  cases: RouterCase[];
}

let nextId = 0;
/** A resource at `path` with the given method entries (`ANY` included as a key like any other). */
function res(path: string, ...methods: string[]): ContractResource {
  nextId += 1;
  return {
    id: `r${nextId.toString().padStart(5, '0')}`,
    path,
    methods: Object.fromEntries(methods.map((httpMethod) => [httpMethod, { httpMethod }])),
  };
}

const ALL_VERBS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'];

export const ROUTER_FIXTURES: RouterFixture[] = [
  {
    name: 'petstore (literal, {param} and {greedy+} with literal siblings)',
    resources: [
      res('/', 'GET'),
      res('/pets', 'GET', 'POST'),
      res('/pets/{petId}', 'GET', 'DELETE'),
      res('/pets/search', 'GET'),
      res('/pets/{petId}/toys', 'ANY'),
      res('/files'),
      res('/files/{path+}', 'GET'),
      res('/files/readme', 'GET'),
      res('/files/readme/raw', 'GET'),
    ],
    cases: [
      { name: 'the root serves its own methods', method: 'GET', path: '/', expect: 'GET /' },
      { name: 'an empty path is the root', method: 'GET', path: '', expect: 'GET /' },
      { name: 'the root lacking the method is not found', method: 'POST', path: '/', expect: null },
      { name: 'a literal resource', method: 'GET', path: '/pets', expect: 'GET /pets' },
      { name: 'another method of the same literal resource', method: 'POST', path: '/pets', expect: 'POST /pets' },
      { name: 'a method the resource lacks is not found', method: 'PUT', path: '/pets', expect: null },
      { name: 'unknown path', method: 'GET', path: '/owners', expect: null },
      { name: 'paths are case-sensitive', method: 'GET', path: '/PETS', expect: null },
      {
        name: '{param} captures one segment',
        method: 'GET',
        path: '/pets/42',
        expect: 'GET /pets/{petId}',
        params: { petId: '42' },
      },
      {
        name: '{param} keeps dots and other literal characters',
        method: 'DELETE',
        path: '/pets/rex.json',
        expect: 'DELETE /pets/{petId}',
        params: { petId: 'rex.json' },
      },
      { name: 'a literal beats its {param} sibling', method: 'GET', path: '/pets/search', expect: 'GET /pets/search' },
      {
        name: 'fallback: the literal sibling lacks DELETE, so {param} serves it',
        method: 'DELETE',
        path: '/pets/search',
        expect: 'DELETE /pets/{petId}',
        params: { petId: 'search' },
      },
      { name: '{param} does not span two segments', method: 'GET', path: '/pets/1/2', expect: null },
      {
        name: 'a child of a {param}',
        method: 'PATCH',
        path: '/pets/7/toys',
        expect: 'ANY /pets/{petId}/toys',
        params: { petId: '7' },
      },
      {
        name: 'a child of the literal sibling does not exist: back-track into {param}',
        method: 'GET',
        path: '/pets/search/toys',
        expect: 'ANY /pets/{petId}/toys',
        params: { petId: 'search' },
      },
      {
        name: '{greedy+} with one segment',
        method: 'GET',
        path: '/files/a.txt',
        expect: 'GET /files/{path+}',
        params: { path: 'a.txt' },
      },
      {
        name: '{greedy+} with many segments joins them with /',
        method: 'GET',
        path: '/files/a/b/c',
        expect: 'GET /files/{path+}',
        params: { path: 'a/b/c' },
      },
      { name: '{greedy+} needs at least one segment', method: 'GET', path: '/files', expect: null },
      { name: '{greedy+} needs one segment, trailing slash too', method: 'GET', path: '/files/', expect: null },
      {
        name: 'a literal beats its {greedy+} sibling',
        method: 'GET',
        path: '/files/readme',
        expect: 'GET /files/readme',
      },
      {
        name: 'a deeper literal under the greedy sibling',
        method: 'GET',
        path: '/files/readme/raw',
        expect: 'GET /files/readme/raw',
      },
      {
        name: 'the literal sibling has no such child: {greedy+} takes the whole rest',
        method: 'GET',
        path: '/files/readme/other',
        expect: 'GET /files/{path+}',
        params: { path: 'readme/other' },
      },
      { name: 'greedy lacking the method is not found', method: 'POST', path: '/files/a/b', expect: null },
      { name: 'trailing slash ignored on a literal', method: 'GET', path: '/pets/', expect: 'GET /pets' },
      {
        name: 'trailing slash ignored on a {param}',
        method: 'GET',
        path: '/pets/42/',
        expect: 'GET /pets/{petId}',
        params: { petId: '42' },
      },
      {
        name: 'trailing slash not part of a greedy capture',
        method: 'GET',
        path: '/files/a/b/',
        expect: 'GET /files/{path+}',
        params: { path: 'a/b' },
      },
      { name: '(?) a leading // is treated like /', method: 'GET', path: '//pets', expect: 'GET /pets' },
      {
        name: '(?) an inner // is treated like /',
        method: 'GET',
        path: '/pets//42',
        expect: 'GET /pets/{petId}',
        params: { petId: '42' },
      },
      {
        name: '(?) empty segments vanish from a greedy capture',
        method: 'GET',
        path: '/files/a//b///c',
        expect: 'GET /files/{path+}',
        params: { path: 'a/b/c' },
      },
      { name: '(?) a path of slashes only is the root', method: 'GET', path: '///', expect: 'GET /' },
      {
        name: '{param} is URL-decoded (%20 → space)',
        method: 'GET',
        path: '/pets/hello%20world',
        expect: 'GET /pets/{petId}',
        params: { petId: 'hello world' },
      },
      {
        name: '{param} decodes UTF-8 escapes',
        method: 'GET',
        path: '/pets/%E2%82%AC',
        expect: 'GET /pets/{petId}',
        params: { petId: '€' },
      },
      {
        name: '{param} decodes %25 to a single %',
        method: 'GET',
        path: '/pets/100%25',
        expect: 'GET /pets/{petId}',
        params: { petId: '100%' },
      },
      {
        name: '+ in a path is not a space',
        method: 'GET',
        path: '/pets/a+b',
        expect: 'GET /pets/{petId}',
        params: { petId: 'a+b' },
      },
      {
        name: '(?) %2F stays inside its segment (split before decoding)',
        method: 'GET',
        path: '/pets/a%2Fb',
        expect: 'GET /pets/{petId}',
        params: { petId: 'a/b' },
      },
      {
        name: '(?) a malformed escape is kept as sent, not an error',
        method: 'GET',
        path: '/pets/%zz',
        expect: 'GET /pets/{petId}',
        params: { petId: '%zz' },
      },
      {
        name: '(?) a truncated UTF-8 escape is kept as sent',
        method: 'GET',
        path: '/pets/%E2%82',
        expect: 'GET /pets/{petId}',
        params: { petId: '%E2%82' },
      },
      {
        name: '{greedy+} is decoded segment by segment',
        method: 'GET',
        path: '/files/my%20docs/a%2Fb.txt',
        expect: 'GET /files/{path+}',
        params: { path: 'my docs/a/b.txt' },
      },
      {
        name: '(?) a malformed escape in a greedy capture only keeps that segment raw',
        method: 'GET',
        path: '/files/ok%20/bad%zz',
        expect: 'GET /files/{path+}',
        params: { path: 'ok /bad%zz' },
      },
      { name: '(?) literal parts match the decoded segment', method: 'GET', path: '/p%65ts', expect: 'GET /pets' },
      {
        name: '(?) an encoded literal still beats its {param} sibling',
        method: 'GET',
        path: '/pets/s%65arch',
        expect: 'GET /pets/search',
      },
    ],
  },
  {
    name: 'AWS fallback example 1 (LS-validated): /test POST only, /{proxy+} OPTIONS',
    resources: [res('/'), res('/test', 'POST'), res('/{proxy+}', 'OPTIONS')],
    cases: [
      {
        name: 'OPTIONS /test falls back to the proxy',
        method: 'OPTIONS',
        path: '/test',
        expect: 'OPTIONS /{proxy+}',
        params: { proxy: 'test' },
      },
      { name: 'POST /test stays on /test', method: 'POST', path: '/test', expect: 'POST /test' },
      { name: 'GET /test has no candidate at all', method: 'GET', path: '/test', expect: null },
      { name: 'OPTIONS / is not the proxy (needs a segment)', method: 'OPTIONS', path: '/', expect: null },
    ],
  },
  {
    name: 'AWS fallback example 2 (LS-validated): /part1 and /part1/hardcoded literal, /{param+}',
    resources: [res('/'), res('/part1', 'GET'), res('/part1/hardcoded', 'GET'), res('/{param+}', 'ANY')],
    cases: [
      {
        name: '/part1/random falls back to /{param+}',
        method: 'GET',
        path: '/part1/random',
        expect: 'ANY /{param+}',
        params: { param: 'part1/random' },
      },
      {
        name: '/part1/hardcoded is the literal',
        method: 'GET',
        path: '/part1/hardcoded',
        expect: 'GET /part1/hardcoded',
      },
      { name: '/part1 is the literal', method: 'GET', path: '/part1', expect: 'GET /part1' },
      {
        name: 'POST /part1 falls back to /{param+}',
        method: 'POST',
        path: '/part1',
        expect: 'ANY /{param+}',
        params: { param: 'part1' },
      },
      {
        name: 'deeper than any literal goes to /{param+}',
        method: 'GET',
        path: '/part1/hardcoded/x',
        expect: 'ANY /{param+}',
        params: { param: 'part1/hardcoded/x' },
      },
      { name: '/ only matches the root’s own methods, not /{param+}', method: 'GET', path: '/', expect: null },
    ],
  },
  {
    name: 'method entries: explicit verb, ANY, HEAD vs GET',
    resources: [
      res('/'),
      res('/onlyget', 'GET'),
      res('/getandany', 'GET', 'ANY'),
      res('/anyonly', 'ANY'),
      res('/headonly', 'HEAD'),
      res('/none'),
    ],
    cases: [
      { name: 'GET does not serve HEAD', method: 'HEAD', path: '/onlyget', expect: null },
      { name: 'explicit GET beats ANY on one resource', method: 'GET', path: '/getandany', expect: 'GET /getandany' },
      {
        name: 'ANY serves HEAD even beside an explicit GET',
        method: 'HEAD',
        path: '/getandany',
        expect: 'ANY /getandany',
      },
      { name: 'an explicit HEAD', method: 'HEAD', path: '/headonly', expect: 'HEAD /headonly' },
      { name: 'HEAD does not serve GET', method: 'GET', path: '/headonly', expect: null },
      ...ALL_VERBS.map((verb) => ({
        name: `ANY covers ${verb}`,
        method: verb,
        path: '/anyonly',
        expect: 'ANY /anyonly',
      })),
      { name: 'ANY does not cover TRACE', method: 'TRACE', path: '/anyonly', expect: null },
      { name: 'ANY does not cover CONNECT', method: 'CONNECT', path: '/anyonly', expect: null },
      { name: 'the verb ANY itself is not routable', method: 'ANY', path: '/anyonly', expect: null },
      { name: 'verbs are case-sensitive', method: 'get', path: '/onlyget', expect: null },
      { name: 'a resource without methods is never a candidate', method: 'GET', path: '/none', expect: null },
    ],
  },
  {
    name: 'back-tracking across levels and kinds',
    resources: [
      res('/'),
      res('/users/{id}', 'GET'),
      res('/users/me', 'POST'),
      res('/a/{b}/c', 'GET', 'POST'),
      res('/a/x/{d}', 'GET'),
      res('/{proxy+}', 'ANY'),
    ],
    cases: [
      {
        name: 'literal lacking the method falls back to its {param} sibling',
        method: 'GET',
        path: '/users/me',
        expect: 'GET /users/{id}',
        params: { id: 'me' },
      },
      { name: 'literal with the method wins', method: 'POST', path: '/users/me', expect: 'POST /users/me' },
      {
        name: '{param} lacking the method falls back to a root proxy',
        method: 'DELETE',
        path: '/users/42',
        expect: 'ANY /{proxy+}',
        params: { proxy: 'users/42' },
      },
      {
        name: 'segment by segment: a literal at segment 2 beats a {param} there',
        method: 'GET',
        path: '/a/x/c',
        expect: 'GET /a/x/{d}',
        params: { d: 'c' },
      },
      {
        name: 'back-track two levels: /a/x/{d} lacks POST, /a/{b}/c has it',
        method: 'POST',
        path: '/a/x/c',
        expect: 'POST /a/{b}/c',
        params: { b: 'x' },
      },
      {
        name: 'then to the root proxy when neither serves the verb',
        method: 'PUT',
        path: '/a/x/c',
        expect: 'ANY /{proxy+}',
        params: { proxy: 'a/x/c' },
      },
      {
        name: 'a dead-end literal branch back-tracks to {param}',
        method: 'GET',
        path: '/a/x/d/e',
        expect: 'ANY /{proxy+}',
        params: { proxy: 'a/x/d/e' },
      },
      {
        name: 'an unknown first segment goes to the root proxy',
        method: 'GET',
        path: '/zzz',
        expect: 'ANY /{proxy+}',
        params: { proxy: 'zzz' },
      },
      { name: 'the root has no methods: / is not found', method: 'GET', path: '/', expect: null },
    ],
  },
  {
    name: 'root methods beside a root proxy',
    resources: [res('/', 'GET'), res('/{proxy+}', 'ANY')],
    cases: [
      { name: '/ uses the root’s own GET', method: 'GET', path: '/', expect: 'GET /' },
      { name: '/ never falls back to the proxy', method: 'POST', path: '/', expect: null },
      { name: 'HEAD / is not served by the root’s GET', method: 'HEAD', path: '/', expect: null },
      {
        name: 'one segment goes to the proxy',
        method: 'POST',
        path: '/x',
        expect: 'ANY /{proxy+}',
        params: { proxy: 'x' },
      },
    ],
  },
  {
    name: 'a deep tree',
    resources: [
      res('/'),
      res('/v1'),
      res('/v1/orgs', 'GET'),
      res('/v1/orgs/{orgId}', 'GET', 'PATCH'),
      res('/v1/orgs/{orgId}/projects', 'GET', 'POST'),
      res('/v1/orgs/{orgId}/projects/new', 'GET'),
      res('/v1/orgs/{orgId}/projects/{projectId}', 'GET'),
      res('/v1/orgs/{orgId}/projects/{projectId}/settings', 'ANY'),
      res('/v1/orgs/{orgId}/projects/{projectId}/builds/{buildId}', 'GET'),
      res('/v1/orgs/{orgId}/projects/{projectId}/builds/{buildId}/logs/{logPath+}', 'GET'),
      res('/v1/orgs/{orgId}/projects/{projectId}/builds/{buildId}/logs/latest', 'GET'),
      res('/v1/orgs/{orgId}/projects/{projectId}/builds/{buildId}/{step}/{attempt}', 'GET', 'POST'),
      res('/dup/{id}/{id}', 'GET'),
    ],
    cases: [
      {
        name: 'four parameters and a greedy tail',
        method: 'GET',
        path: '/v1/orgs/acme/projects/p1/builds/42/logs/2024/01/out.txt',
        expect: 'GET /v1/orgs/{orgId}/projects/{projectId}/builds/{buildId}/logs/{logPath+}',
        params: { orgId: 'acme', projectId: 'p1', buildId: '42', logPath: '2024/01/out.txt' },
      },
      {
        name: 'a literal sibling of a deep greedy',
        method: 'GET',
        path: '/v1/orgs/acme/projects/p1/builds/42/logs/latest',
        expect: 'GET /v1/orgs/{orgId}/projects/{projectId}/builds/{buildId}/logs/latest',
        params: { orgId: 'acme', projectId: 'p1', buildId: '42' },
      },
      {
        name: 'a deep greedy with one segment',
        method: 'GET',
        path: '/v1/orgs/acme/projects/p1/builds/42/logs/x',
        expect: 'GET /v1/orgs/{orgId}/projects/{projectId}/builds/{buildId}/logs/{logPath+}',
        params: { orgId: 'acme', projectId: 'p1', buildId: '42', logPath: 'x' },
      },
      {
        name: 'a path reaching only resource-less nodes (`…/logs`, `…/{step}`) is not found',
        method: 'GET',
        path: '/v1/orgs/acme/projects/p1/builds/42/logs',
        expect: null,
      },
      {
        name: 'two parameters after the build',
        method: 'GET',
        path: '/v1/orgs/acme/projects/p1/builds/42/compile/3',
        expect: 'GET /v1/orgs/{orgId}/projects/{projectId}/builds/{buildId}/{step}/{attempt}',
        params: { orgId: 'acme', projectId: 'p1', buildId: '42', step: 'compile', attempt: '3' },
      },
      {
        name: 'segment by segment: literal `logs` then {logPath+} beats {step}/{attempt}',
        method: 'GET',
        path: '/v1/orgs/acme/projects/p1/builds/42/logs/3',
        expect: 'GET /v1/orgs/{orgId}/projects/{projectId}/builds/{buildId}/logs/{logPath+}',
        params: { orgId: 'acme', projectId: 'p1', buildId: '42', logPath: '3' },
      },
      {
        name: 'back-track from literal `logs` when its greedy lacks the verb: {step}/{attempt}',
        method: 'POST',
        path: '/v1/orgs/acme/projects/p1/builds/42/logs/3',
        expect: 'POST /v1/orgs/{orgId}/projects/{projectId}/builds/{buildId}/{step}/{attempt}',
        params: { orgId: 'acme', projectId: 'p1', buildId: '42', step: 'logs', attempt: '3' },
      },
      {
        name: 'no branch serves HEAD: not found',
        method: 'HEAD',
        path: '/v1/orgs/acme/projects/p1/builds/42/logs/3',
        expect: null,
      },
      {
        name: 'a literal `new` beside {projectId}',
        method: 'GET',
        path: '/v1/orgs/acme/projects/new',
        expect: 'GET /v1/orgs/{orgId}/projects/new',
        params: { orgId: 'acme' },
      },
      {
        name: 'neither `new` nor its {projectId} sibling has POST: not found',
        method: 'POST',
        path: '/v1/orgs/acme/projects/new',
        expect: null,
      },
      {
        name: 'ANY on a deep child',
        method: 'DELETE',
        path: '/v1/orgs/acme/projects/p1/settings',
        expect: 'ANY /v1/orgs/{orgId}/projects/{projectId}/settings',
        params: { orgId: 'acme', projectId: 'p1' },
      },
      { name: 'an intermediate resource without methods', method: 'GET', path: '/v1', expect: null },
      { name: 'a path deeper than the tree', method: 'GET', path: '/v1/orgs/acme/projects/p1/x/y/z', expect: null },
      {
        name: '(?) a parameter name repeated in one template keeps the deepest value',
        method: 'GET',
        path: '/dup/1/2',
        expect: 'GET /dup/{id}/{id}',
        params: { id: '2' },
      },
    ],
  },
  {
    name: 'a {param} and a {greedy+} under one parent (AWS refuses to create it; both routers rank {param} first)',
    resources: [res('/'), res('/mix/{id}', 'GET'), res('/mix/{rest+}', 'GET', 'POST')],
    cases: [
      { name: 'one segment: {param}', method: 'GET', path: '/mix/1', expect: 'GET /mix/{id}', params: { id: '1' } },
      {
        name: 'one segment, verb only on the greedy',
        method: 'POST',
        path: '/mix/1',
        expect: 'POST /mix/{rest+}',
        params: { rest: '1' },
      },
      {
        name: 'two segments: the greedy',
        method: 'GET',
        path: '/mix/1/2',
        expect: 'GET /mix/{rest+}',
        params: { rest: '1/2' },
      },
    ],
  },
];

export type CompileRouter<T> = (resources: readonly ContractResource[]) => T;
export type MatchRouter<T> = (router: T, method: string, path: string) => RouteMatch<ContractResource> | null;

/** The expected outcome in the table's notation, for readable failures. */
function describeMatch(match: RouteMatch<ContractResource> | null): string | null {
  return match === null ? null : `${match.httpMethod} ${match.resourcePath}`;
}

export function runRouterContract<T>(implementationName: string, compile: CompileRouter<T>, match: MatchRouter<T>) {
  describe(`router contract: ${implementationName}`, () => {
    for (const fixture of ROUTER_FIXTURES) {
      describe(fixture.name, () => {
        let router: T | undefined;
        const compiled = (): T => {
          router ??= compile(fixture.resources);
          return router;
        };
        for (const c of fixture.cases) {
          it(`${c.name}: ${c.method} ${JSON.stringify(c.path)} → ${c.expect ?? '403'}`, () => {
            const result = match(compiled(), c.method, c.path);
            expect(describeMatch(result)).toBe(c.expect);
            if (result === null) return;
            expect(result.resource).toBe(fixture.resources.find((r) => r.path === result.resourcePath));
            expect(result.resource.methods[result.httpMethod]).toBeDefined();
            expect({ ...result.pathParameters }).toEqual(c.params ?? {});
          });
        }
      });
    }
  });
}
