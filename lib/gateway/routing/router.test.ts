import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../snapshot/snapshot-schema';
import { compileRoutes } from './compile-routes';
import { matchRoute } from './match-route';
import { compileNaiveRoutes, matchNaiveRoute } from './naive-router';
import type { RouteMatch } from './route-types';
import { type ContractResource, runRouterContract } from './router-contract';

runRouterContract('trie (compileRoutes + matchRoute)', compileRoutes, matchRoute);
runRouterContract('naive reference (naive-router)', compileNaiveRoutes, matchNaiveRoute);

function resource(path: string, ...methods: string[]): ContractResource {
  return { id: path, path, methods: Object.fromEntries(methods.map((m) => [m, { httpMethod: m }])) };
}

describe('compileRoutes refuses snapshots AWS would not have produced', () => {
  it.each([
    ['a duplicate path', ['/pets', '/pets'], 'Duplicate resource path /pets'],
    ['a duplicate greedy path', ['/{proxy+}', '/{proxy+}'], 'Duplicate resource path /{proxy+}'],
    ['two differently named {param} siblings', ['/{a}', '/{b}'], 'already has the variable path part {a}'],
    ['two differently named greedy siblings', ['/{a+}', '/{b+}'], 'already has the variable path part {a+}'],
    ['a child under a greedy variable', ['/{proxy+}', '/{proxy+}/x'], 'greedy path variable must be the last part'],
    ['an empty path part', ['/a//b'], "bad path part ''"],
    ['a variable that is not a whole part', ['/a{id}'], "bad path part 'a{id}'"],
    ['a path without a leading slash', ['pets'], 'must start with /'],
  ])('%s', (_label, paths, message) => {
    expect(() => compileRoutes(paths.map((path) => resource(path, 'GET')))).toThrow(message);
  });

  it('compiles a deployment snapshot’s resources as they are, keeping their type', () => {
    const resources: Snapshot['resources'] = [
      {
        id: 'rootid0001',
        parentId: null,
        pathPart: null,
        path: '/',
        methods: { GET: { httpMethod: 'GET', authorizationType: 'NONE', apiKeyRequired: false } },
      },
    ];
    const match = matchRoute(compileRoutes(resources), 'GET', '/');
    expect(match?.resource.methods[match.httpMethod]?.authorizationType).toBe('NONE');
  });

  it('accepts resources in any order and keeps their identity', () => {
    const resources = [resource('/a/{id}/c', 'GET'), resource('/a', 'GET'), resource('/', 'GET')];
    const router = compileRoutes(resources);
    expect(router.resourceCount).toBe(3);
    expect(matchRoute(router, 'GET', '/a/1/c')?.resource).toBe(resources[0]);
  });

  it('returns fresh, prototype-free path parameters on every match', () => {
    const router = compileRoutes([resource('/{__proto__}', 'GET')]);
    const first = matchRoute(router, 'GET', '/x');
    const second = matchRoute(router, 'GET', '/y');
    expect(Object.entries(first?.pathParameters ?? {})).toEqual([['__proto__', 'x']]);
    expect(Object.entries(second?.pathParameters ?? {})).toEqual([['__proto__', 'y']]);
    expect(Object.getPrototypeOf(first?.pathParameters)).toBeNull();
  });
});

// --- randomised agreement: AWS-valid random trees, random requests, trie vs naive --------------------------------

function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['a', 'b', 'me', 'x.json'];
const METHOD_POOL = ['GET', 'POST', 'HEAD', 'OPTIONS', 'ANY'];
const VERBS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT', 'TRACE'];
const REQUEST_SEGMENTS = [...WORDS, 'zz', '%61', 'a%20b', '%zz', ''];

function randomTree(random: () => number): ContractResource[] {
  const resources: ContractResource[] = [];
  const grow = (path: string, depth: number) => {
    resources.push(resource(path, ...METHOD_POOL.filter(() => random() < 0.3)));
    if (path.endsWith('+}') || depth >= 4) return;
    const prefix = path === '/' ? '' : path;
    for (const word of WORDS) if (random() < 0.45) grow(`${prefix}/${word}`, depth + 1);
    const variable = random();
    if (variable < 0.35) grow(`${prefix}/{p${depth}}`, depth + 1);
    else if (variable < 0.55) grow(`${prefix}/{g${depth}+}`, depth + 1);
  };
  grow('/', 0);
  return resources;
}

function randomRequest(random: () => number): [string, string] {
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(random() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  };
  const depth = Math.floor(random() * 6);
  const segments = Array.from({ length: depth }, () => pick(REQUEST_SEGMENTS));
  const trailing = random() < 0.15 ? '/' : '';
  return [pick(VERBS), `/${segments.join('/')}${trailing}`];
}

function summary(match: RouteMatch<ContractResource> | null): string {
  if (match === null) return '403';
  const params = Object.entries(match.pathParameters).sort(([a], [b]) => a.localeCompare(b));
  return `${match.httpMethod} ${match.resourcePath} ${JSON.stringify(params)}`;
}

describe('trie and naive reference agree on random AWS-valid APIs', () => {
  it('40 random trees × 500 random requests', () => {
    const random = prng(20_240_601);
    const disagreements: string[] = [];
    let matched = 0;
    for (let tree = 0; tree < 40; tree++) {
      const resources = randomTree(random);
      const trie = compileRoutes(resources);
      const naive = compileNaiveRoutes(resources);
      for (let request = 0; request < 500; request++) {
        const [method, path] = randomRequest(random);
        const fast = summary(matchRoute(trie, method, path));
        const slow = summary(matchNaiveRoute(naive, method, path));
        if (fast !== '403') matched += 1;
        if (fast !== slow) disagreements.push(`${method} ${path}: trie ${fast} ≠ naive ${slow}`);
      }
    }
    expect(disagreements.slice(0, 10)).toEqual([]);
    // The generator must exercise real matches, not only 403s.
    expect(matched).toBeGreaterThan(2_000);
  });
});
