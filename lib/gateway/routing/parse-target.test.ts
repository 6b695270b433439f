import { describe, expect, it } from 'vitest';
import { type BasePathMapping, hostName, parseTarget, type TargetOptions } from './parse-target';

const API = 'abc123defg';
const OTHER = 'zzz999yyyx';

const customDomains = new Map<string, BasePathMapping[]>([
  [
    'api.example.com',
    [
      { basePath: '', restApiId: OTHER, stage: 'prod' },
      { basePath: 'orders', restApiId: API, stage: 'v1stage' },
      { basePath: 'orders/v2', restApiId: OTHER, stage: 'beta' },
      { basePath: 'dyn', restApiId: API, stage: null },
    ],
  ],
  ['stageless.example.com', [{ basePath: '(none)', restApiId: API, stage: null }]],
  ['only-v1.example.com', [{ basePath: 'v1', restApiId: API, stage: 'prod' }]],
]);
const options: TargetOptions = { customDomains };

describe('hostName', () => {
  it.each([
    ['Localhost:8080', 'localhost'],
    ['API.Example.COM', 'api.example.com'],
    ['api.example.com.:443', 'api.example.com'],
    ['[::1]:8080', '[::1]'],
    [undefined, ''],
  ])('%s → %s', (host, expected) => {
    expect(hostName(host)).toBe(expected);
  });
});

describe('parseTarget: execute-api host', () => {
  it('reads the API id from the host and the stage from the first segment', () => {
    expect(parseTarget(`${API}.execute-api.localhost:8080`, '/prod/pets/1?a=1&b=2', options)).toEqual({
      restApiId: API,
      stage: 'prod',
      path: '/pets/1',
      query: 'a=1&b=2',
      source: 'execute-api-host',
      basePath: null,
    });
  });

  it('matches the host case-insensitively, whatever follows execute-api', () => {
    const target = parseTarget('ABC123DEFG.Execute-Api.us-east-1.amazonaws.com', '/Dev_1-x/', options);
    expect(target).toMatchObject({ restApiId: API, stage: 'Dev_1-x', path: '/' });
  });

  it('accepts the private-API host form {apiId}-{vpceId}', () => {
    expect(parseTarget(`${API}-vpce-0123abcd.execute-api.localhost`, '/prod', options)).toMatchObject({
      restApiId: API,
      stage: 'prod',
      path: '/',
    });
  });

  it('keeps the rest of the path as sent: undecoded, trailing slash kept', () => {
    expect(parseTarget(`${API}.execute-api.localhost`, '/prod/a%20b/c/', options)?.path).toBe('/a%20b/c/');
  });

  it('skips empty segments before the stage', () => {
    expect(parseTarget(`${API}.execute-api.localhost`, '//prod//pets', options)).toMatchObject({
      stage: 'prod',
      path: '//pets',
    });
  });

  it.each([
    ['no stage', `${API}.execute-api.localhost`, '/'],
    ['no stage, only a query', `${API}.execute-api.localhost`, '/?x=1'],
    ['an invalid stage name', `${API}.execute-api.localhost`, '/pr%20od/pets'],
    ['a stage name over 128 characters', `${API}.execute-api.localhost`, `/${'s'.repeat(129)}`],
    ['an API id too short', 'abc123def.execute-api.localhost', '/prod'],
    ['an API id with other characters', 'abc_23defg.execute-api.localhost', '/prod'],
    ['a target that is not a path', `${API}.execute-api.localhost`, '*'],
  ])('null for %s', (_label, host, path) => {
    expect(parseTarget(host, path, options)).toBeNull();
  });

  it('accepts a 128-character stage name', () => {
    expect(parseTarget(`${API}.execute-api.localhost`, `/${'s'.repeat(128)}`, options)?.stage).toHaveLength(128);
  });
});

describe('parseTarget: path-based', () => {
  it('reads /{apiId}/{stage}/{rest} on any other host', () => {
    expect(parseTarget('localhost:8080', `/${API}/prod/pets?limit=2`, options)).toEqual({
      restApiId: API,
      stage: 'prod',
      path: '/pets',
      query: 'limit=2',
      source: 'path',
      basePath: null,
    });
  });

  it('works without a Host header and with an empty rest', () => {
    expect(parseTarget(undefined, `/${API}/prod`, options)).toMatchObject({ restApiId: API, stage: 'prod', path: '/' });
  });

  it('treats a host with execute-api further right as path-based', () => {
    expect(parseTarget(`x.${API}.execute-api.localhost`, `/${API}/prod`, options)?.source).toBe('path');
  });

  it.each([
    ['no stage', `/${API}`],
    ['nothing', '/'],
    ['an upper-case API id (ids are lower-case)', '/ABC123DEFG/prod'],
    ['an API id of 11 characters', '/abc123defgh/prod'],
    ['an invalid stage', `/${API}/pr.od`],
  ])('null for %s', (_label, path) => {
    expect(parseTarget('localhost:8080', path, options)).toBeNull();
  });
});

describe('parseTarget: custom domains', () => {
  it.each([
    ['/orders/items', API, 'v1stage', '/items', 'orders'],
    ['/orders', API, 'v1stage', '/', 'orders'],
    ['/orders/', API, 'v1stage', '/', 'orders'],
    ['/orders/v2/items/9', OTHER, 'beta', '/items/9', 'orders/v2'],
    ['/orders/v2', OTHER, 'beta', '/', 'orders/v2'],
    ['/orders/v3/items', API, 'v1stage', '/v3/items', 'orders'],
    ['/orders/v22', API, 'v1stage', '/v22', 'orders'],
    ['/ordersx/items', OTHER, 'prod', '/ordersx/items', ''],
    ['/Orders/items', OTHER, 'prod', '/Orders/items', ''],
    ['/', OTHER, 'prod', '/', ''],
    ['//orders//v2//items', OTHER, 'beta', '//items', 'orders/v2'],
    ['/dyn/test/pets', API, 'test', '/pets', 'dyn'],
  ])('%s → the longest matching base path', (path, restApiId, stage, rest, basePath) => {
    expect(parseTarget('API.example.com:443', `${path}?q=1`, options)).toEqual({
      restApiId,
      stage,
      path: rest,
      query: 'q=1',
      source: 'custom-domain',
      basePath,
    });
  });

  it('a mapping without a stage reads it from the path after the base path', () => {
    expect(parseTarget('stageless.example.com', '/prod/pets', options)).toMatchObject({
      restApiId: API,
      stage: 'prod',
      path: '/pets',
      basePath: '',
    });
  });

  it.each([
    ['a stageless mapping with no stage segment', 'stageless.example.com', '/'],
    ['a stageless mapping with an invalid stage', 'stageless.example.com', '/p%20rod/x'],
    ['a stageless base path with no stage segment', 'api.example.com', '/dyn'],
    ['no base path matching and no (none) mapping', 'only-v1.example.com', '/v2/pets'],
  ])('null for %s', (_label, host, path) => {
    expect(parseTarget(host, path, options)).toBeNull();
  });

  it('a custom domain never falls back to path-based targeting', () => {
    expect(parseTarget('only-v1.example.com', `/${API}/prod/pets`, options)).toBeNull();
  });

  it('tolerates slashes around a stored base path', () => {
    const domains = new Map([['d.example.com', [{ basePath: '/a/b/', restApiId: API, stage: 'prod' }]]]);
    expect(parseTarget('d.example.com', '/a/b/c', { customDomains: domains })).toMatchObject({
      path: '/c',
      basePath: 'a/b',
    });
  });

  it('unknown hosts without custom domains configured are path-based', () => {
    expect(parseTarget('api.example.com', `/${API}/prod/x`)?.source).toBe('path');
  });
});
