import { describe, expect, it } from 'vitest';
import { GatewayError } from '../gateway-error';
import { backendTarget, compileUri } from './build-uri';

describe('compileUri', () => {
  it('knows the origin at compile time when the scheme and authority are literal', () => {
    expect(compileUri('http://Backend.example:80/pets/{id}').origin).toBe('http://backend.example');
    expect(compileUri('https://api.example.com').origin).toBe('https://api.example.com');
  });

  it('leaves the origin to each request when a stage variable names the host', () => {
    expect(compileUri('http://${stageVariables.host}/pets').origin).toBeUndefined();
  });
});

describe('backendTarget', () => {
  const target = (uri: string, path: Record<string, string> = {}, vars = {}, query: [string, string][] = []) =>
    backendTarget(compileUri(uri), path, vars, query);

  it('fills path placeholders, greedy ones keeping their slashes, each segment percent-encoded', () => {
    expect(target('http://b:1/pets/{id}/x', { id: 'a b' })).toEqual({ origin: 'http://b:1', path: '/pets/a%20b/x' });
    expect(target('http://b:1/{proxy+}', { proxy: 'a/b c/d' }).path).toBe('/a/b%20c/d');
    expect(target('http://b:1/{proxy}', { proxy: 'a/b' }).path).toBe('/a/b');
  });

  it('never lets a value climb above the integration path: dot segments are refused (400)', () => {
    const refusal = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return [(error as GatewayError).responseType, (error as Error).message];
      }
      return 'sent';
    };
    const refused = ['BAD_REQUEST_PARAMETERS', 'Invalid request path parameter'];
    expect(refusal(() => target('http://b:1/public/{proxy+}', { proxy: '../admin/x' }))).toEqual(refused);
    expect(refusal(() => target('http://b:1/public/{proxy+}', { proxy: 'a/./x' }))).toEqual(refused);
    expect(refusal(() => target('http://b:1/doc/{name}', { name: '..' }))).toEqual(refused);
    // also when a stage variable names the host, and the URL is only parsed per request
    // biome-ignore lint/suspicious/noTemplateCurlyInString: AWS's stage variable syntax
    expect(
      refusal(() => target('http://${stageVariables.host}/public/{proxy+}', { proxy: '../admin' }, { host: 'h:8' })),
    ).toEqual(refused);
    expect(target('http://b:1/public/{proxy+}', { proxy: 'a/..b/.c' }).path).toBe('/public/a/..b/.c');
  });

  it('puts a client’s value into the host only as host-name labels (no path, port or user smuggled in)', () => {
    expect(target('http://{tenant}.tenants.example/api', { tenant: 'acme' })).toEqual({
      origin: 'http://acme.tenants.example',
      path: '/api',
    });
    for (const tenant of ['127.0.0.2/', '127.0.0.2/x?', 'a@evil', 'evil:81', 'a b']) {
      expect(() => target('http://{tenant}.tenants.example/api', { tenant })).toThrow(GatewayError);
    }
    // the same value is fine in the path, encoded
    expect(target('http://{tenant}.tenants.example/t/{tenant}', { tenant: 'acme' }).path).toBe('/t/acme');
  });

  it('keeps a placeholder without a value as written', () => {
    expect(target('http://b:1/pets/{id}').path).toBe('/pets/{id}');
  });

  it('puts stage variables anywhere, including the host', () => {
    expect(target('http://${stageVariables.host}/v/${stageVariables.v}', {}, { host: 'h:8', v: '2' })).toEqual({
      origin: 'http://h:8',
      path: '/v/2',
    });
    expect(target('http://b:1/${stageVariables.missing}x').path).toBe('/x');
  });

  it('appends the query string, after a query the URI already has', () => {
    expect(
      target('http://b:1/s', {}, {}, [
        ['q', 'a b'],
        ['q', '&'],
      ]).path,
    ).toBe('/s?q=a%20b&q=%26');
    expect(target('http://b:1/s?fixed=1', {}, {}, [['q', '1']]).path).toBe('/s?fixed=1&q=1');
  });

  it('gives the root path to a URI without one', () => {
    expect(target('http://b:1').path).toBe('/');
    expect(target('http://b:1?x=1').path).toBe('/?x=1');
  });

  it('answers a URI that is not an http(s) URL with a configuration error (AWS 500)', () => {
    expect(() => target('${stageVariables.url}', {}, { url: 'not a url' })).toThrow(GatewayError);
    expect(() => target('${stageVariables.url}', {}, { url: 'file:///etc/passwd' })).toThrow(GatewayError);
  });
});
