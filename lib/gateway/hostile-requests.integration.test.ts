// Requests and answers meant to break the gateway, over real HTTP: names that are JavaScript's own (`constructor`,
// `__proto__`), two Host headers, hop-by-hop headers a client names, path values that climb, an oversized backend
// answer, a header value Node will not send. Each gets an answer; none ends the process or reaches further than it
// should.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CreateDeploymentCommand } from '@aws-sdk/client-api-gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../testing/eventually';
import { startTestGateway } from '../testing/gateway';
import { createIntegratedApi } from '../testing/integrated-api';
import { withManagementApi } from '../testing/management-api';
import { createMockApi } from '../testing/mock-api';
import { createProxyApi } from '../testing/proxy-api';
import { rawRequest } from '../testing/raw-request';
import type { RunningGateway } from './server';

const { clients } = withManagementApi(['DEVELOPER'] as const);
let gateway: RunningGateway;
let gatewayUrl = '';
let backend: http.Server;
let backendUrl = '';
const seen: http.IncomingHttpHeaders[] = [];
const HUGE = Buffer.alloc(11 * 1024 * 1024, 'x');

beforeAll(async () => {
  backend = http.createServer((req, res) => {
    seen.push(req.headers);
    req.resume();
    if (req.url?.startsWith('/huge')) {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': HUGE.length });
      res.end(HUGE);
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ path: req.url }));
  });
  await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve));
  backendUrl = `http://127.0.0.1:${(backend.address() as AddressInfo).port}`;
  ({ gateway, url: gatewayUrl } = await startTestGateway());
});

afterAll(async () => {
  await gateway?.stop();
  backend?.closeAllConnections();
  backend?.close();
});

const INTERNAL = { message: 'Internal server error' };

describe('hostile requests', () => {
  it('treat `constructor`, `__proto__` and `toString` as ordinary query and header names', async () => {
    const { restApiId } = await createMockApi(clients.DEVELOPER, [
      {
        name: 'echo',
        responseTemplate: '{"q": "$input.params(\'constructor\')", "h": "$input.params(\'__proto__\')"}',
      },
    ]);
    const url = `${gatewayUrl}/${restApiId}/prod/echo?constructor=1&toString=2`;
    await eventually(
      () => fetch(url),
      (r) => r.status === 200,
    );
    const answer = await rawRequest(gatewayUrl, [
      `GET /${restApiId}/prod/echo?constructor=1&toString=2&hasOwnProperty=3 HTTP/1.1`,
      'Host: localhost',
      '__proto__: x',
      'constructor: y',
    ]);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ q: '1', h: 'x' });
    // the same names on a path no API serves: AWS's 403, and the gateway goes on answering
    const unknown = await rawRequest(gatewayUrl, [
      'GET /nowhere?constructor=1 HTTP/1.1',
      'Host: localhost',
      'toString: 1',
    ]);
    expect(unknown.status).toBe(403);
    expect((await fetch(url)).status).toBe(200);
  });

  it('refuse two Host headers (400), never guessing which one routes', async () => {
    const answer = await rawRequest(gatewayUrl, [
      'GET /prod/pets HTTP/1.1',
      'Host: abcdefghij.execute-api.localhost',
      'Host: other.example',
    ]);
    expect(answer.status).toBe(400);
  });

  it('keep the headers a client’s Connection header names, and Proxy-Authorization, from HTTP_PROXY backends', async () => {
    const { restApiId } = await createProxyApi(clients.DEVELOPER, `${backendUrl}/{proxy}`);
    await clients.DEVELOPER.send(new CreateDeploymentCommand({ restApiId, stageName: 'prod' }));
    await eventually(
      () => fetch(`${gatewayUrl}/${restApiId}/prod/x`),
      (r) => r.status === 200,
    );
    const answer = await rawRequest(gatewayUrl, [
      `GET /${restApiId}/prod/x HTTP/1.1`,
      'Host: localhost',
      'X-Secret: s',
      'Proxy-Authorization: Basic eDp5',
      'X-Kept: k',
      'Connection: X-Secret',
    ]);
    expect(answer.status).toBe(200);
    const headers = seen.at(-1) ?? {};
    expect(headers['x-kept']).toBe('k');
    expect(headers['x-secret']).toBeUndefined();
    expect(headers['proxy-authorization']).toBeUndefined();
  });

  it('refuse a path value with a dot segment (400) rather than send it to the backend in any spelling', async () => {
    const { restApiId } = await createProxyApi(clients.DEVELOPER, `${backendUrl}/static/{proxy}`);
    await clients.DEVELOPER.send(new CreateDeploymentCommand({ restApiId, stageName: 'prod' }));
    const base = `${gatewayUrl}/${restApiId}/prod`;
    await eventually(
      () => fetch(`${base}/readme`),
      (r) => r.status === 200,
    );
    const before = seen.length;
    for (const path of ['/%2e%2e/internal/secrets', '/a/%2E/b', '/..%2Finternal']) {
      const answer = await rawRequest(gatewayUrl, [`GET /${restApiId}/prod${path} HTTP/1.1`, 'Host: localhost']);
      expect([path, answer.status, JSON.parse(answer.body)]).toEqual([
        path,
        400,
        { message: 'Invalid request path parameter' },
      ]);
    }
    expect(seen.length).toBe(before); // nothing reached the backend
  });

  it('answer 502 for an integration response over AWS’s 10 MB, without holding it', async () => {
    const { restApiId } = await createIntegratedApi(clients.DEVELOPER, {
      name: 'huge',
      pathPart: 'huge',
      httpMethod: 'GET',
      integration: { type: 'HTTP', integrationHttpMethod: 'GET', uri: `${backendUrl}/huge` },
      responses: [{ statusCode: '200' }],
    });
    const res = await eventually(
      () => fetch(`${gatewayUrl}/${restApiId}/prod/huge`),
      (r) => r.status !== 403,
    );
    expect(res.status).toBe(502);
    expect(await res.json()).toEqual(INTERNAL);
  });

  it('answer 500 when a mapping makes a header Node will not send, instead of dropping the connection', async () => {
    const { restApiId } = await createMockApi(clients.DEVELOPER, [
      {
        name: 'lang',
        responseTemplate:
          '#set($context.responseOverride.header.X-Lang = $input.params(\'lang\'))\n{"lang": "$input.params(\'lang\')"}',
      },
    ]);
    const url = `${gatewayUrl}/${restApiId}/prod/lang`;
    const ok = await eventually(
      () => fetch(`${url}?lang=en`),
      (r) => r.status === 200,
    );
    expect(ok.headers.get('x-lang')).toBe('en');
    for (const lang of ['%E2%82%AC', 'a%0D%0ASet-Cookie:%20x=1']) {
      const res = await fetch(`${url}?lang=${lang}`);
      expect([lang, res.status, res.headers.get('set-cookie'), await res.json()]).toEqual([lang, 500, null, INTERNAL]);
    }
  });
});
