// The gateway over real HTTP: APIs built and deployed through the real AWS SDK, served from snapshots to real local
// backends; deployments reach the running gateway through LISTEN/NOTIFY.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CreateBasePathMappingCommand,
  CreateDeploymentCommand,
  CreateDomainNameCommand,
  CreateModelCommand,
  CreateRequestValidatorCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  PutGatewayResponseCommand,
  PutIntegrationCommand,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand,
  UpdateStageCommand,
} from '@aws-sdk/client-api-gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoApi } from '../services/bootstrap/seed-demo-api';
import { eventually } from '../testing/eventually';
import { startTestGateway } from '../testing/gateway';
import { sdkFailure, withManagementApi } from '../testing/management-api';
import { createProxyApi } from '../testing/proxy-api';
import { type RunningGateway, startGateway } from './server';

const { clients } = withManagementApi(['DEVELOPER'] as const);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]);
let gateway: RunningGateway;
let gatewayUrl = '';
let backend: http.Server;
let backendUrl = '';
/** 5 MB of varied bytes: more than any socket buffer, so a slow client makes the gateway pause the backend. */
const BIG = Buffer.from(Array.from({ length: 5 * 1024 * 1024 }, (_, i) => (i * 31) % 251));
let endlessClosedNow: () => void = () => {};
const endlessClosed = new Promise<void>((resolve) => {
  endlessClosedNow = resolve;
});
const seen: Array<{ method: string; url: string; headers: http.IncomingHttpHeaders; body: string }> = [];

beforeAll(async () => {
  backend = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    seen.push({
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
      body: Buffer.concat(chunks).toString(),
    });
    if (req.url?.startsWith('/slow')) await new Promise((r) => setTimeout(r, 500));
    if (req.url?.startsWith('/cookies')) {
      res.writeHead(
        200,
        [
          ['Set-Cookie', 'a=1'],
          ['Set-Cookie', 'b=2'],
          ['Content-Type', 'text/plain'],
          ['Content-Length', '2'],
        ].flat(),
      );
      res.end('ok');
      return;
    }
    if (req.url?.startsWith('/big')) {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': BIG.length });
      for (let i = 0; i < BIG.length; i += 64 * 1024) res.write(BIG.subarray(i, i + 64 * 1024));
      res.end();
      return;
    }
    if (req.url?.startsWith('/trickle')) {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      let sent = 0;
      const tick = setInterval(() => {
        sent += 1;
        res.write(`part ${sent}\n`);
        if (sent === 8) {
          clearInterval(tick);
          res.end();
        }
      }, 100);
      return;
    }
    if (req.url?.startsWith('/endless')) {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      const tick = setInterval(() => res.write('tick\n'), 10);
      res.on('close', () => {
        clearInterval(tick);
        endlessClosedNow();
      });
      return;
    }
    if (req.url?.startsWith('/png')) {
      res.writeHead(200, { 'Content-Type': 'image/png' });
      res.end(PNG);
      return;
    }
    res.writeHead(req.url?.includes('missing') ? 404 : 200, {
      'Content-Type': 'application/json',
      Server: 'test-backend',
      'X-Backend': 'yes',
    });
    res.end(JSON.stringify({ path: req.url, method: req.method }));
  });
  await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve));
  backendUrl = `http://127.0.0.1:${(backend.address() as AddressInfo).port}`;
  ({ gateway, url: gatewayUrl } = await startTestGateway());
});

afterAll(async () => {
  await gateway?.stop();
  backend?.close();
  backend?.closeAllConnections();
});

async function proxyApi(
  uri: string,
  options: { timeoutInMillis?: number; stage?: string; variables?: Record<string, string> } = {},
) {
  const client = clients.DEVELOPER;
  const { restApiId } = await createProxyApi(client, uri, { timeoutInMillis: options.timeoutInMillis });
  await client.send(
    new CreateDeploymentCommand({ restApiId, stageName: options.stage ?? 'prod', variables: options.variables }),
  );
  return restApiId;
}

const backendHost = () => backendUrl.replace('http://', '');

/** A request with its own Host header (fetch may not set one). */
function hostRequest(url: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { Host: host } }, (res) => {
        let body = '';
        res.on('data', (c) => {
          body += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

/** Waits until the gateway serves what was just deployed (it hears of it through NOTIFY). */
const servedWithin = (url: string, init: RequestInit, ok: (res: Response) => boolean, ms: number) =>
  eventually(() => fetch(url, init), ok, ms);

describe('HTTP_PROXY', () => {
  it('reaches a running gateway within a second of the deployment and proxies path, query, headers and body', async () => {
    const restApiId = await proxyApi(`${backendUrl}/{proxy}`);
    const deployedAt = Date.now();
    const res = await servedWithin(
      `${gatewayUrl}/${restApiId}/prod/items/42?color=red&color=blue`,
      { method: 'POST', headers: { 'X-Custom': 'hello', 'Content-Type': 'application/json' }, body: '{"a":1}' },
      (r) => r.status === 200,
      1000,
    );
    expect(res.status).toBe(200);
    expect(Date.now() - deployedAt).toBeLessThan(1000);
    expect(await res.json()).toEqual({ path: '/items/42?color=red&color=blue', method: 'POST' });
    expect(res.headers.get('x-backend')).toBe('yes');
    expect(res.headers.get('x-amzn-remapped-server')).toBe('test-backend');
    expect(res.headers.get('x-amzn-trace-id')).toBeNull(); // HTTP_PROXY answers carry none
    expect(res.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    const last = seen[seen.length - 1];
    expect(last).toMatchObject({ method: 'POST', body: '{"a":1}' });
    expect(last?.headers['x-custom']).toBe('hello');
    expect(last?.headers['x-forwarded-for']).toBe('127.0.0.1');
  });

  it('answers host-based URLs as AWS does, and keeps the backend status', async () => {
    const restApiId = await proxyApi(`${backendUrl}/{proxy}`);
    await servedWithin(`${gatewayUrl}/${restApiId}/prod/warm`, {}, (r) => r.status !== 403, 1000);
    const res = await hostRequest(`${gatewayUrl}/prod/missing/thing`, `${restApiId}.execute-api.localhost:8080`);
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body)).toEqual({ path: '/missing/thing', method: 'GET' });
  });

  it('puts stage variables into the URI', async () => {
    const restApiId = await proxyApi('http://${stageVariables.backend}/{proxy}', {
      variables: { backend: backendHost() },
    });
    const res = await servedWithin(`${gatewayUrl}/${restApiId}/prod/v/1`, {}, (r) => r.status === 200, 1000);
    expect(await res.json()).toEqual({ path: '/v/1', method: 'GET' });
  });

  it('gives AWS’s 504 when the backend is slower than timeoutInMillis, and 500 when it cannot be reached', async () => {
    const slow = await proxyApi(`${backendUrl}/{proxy}`, { timeoutInMillis: 100 });
    const timedOut = await servedWithin(`${gatewayUrl}/${slow}/prod/slow`, {}, (r) => r.status !== 403, 1000);
    expect(timedOut.status).toBe(504);
    expect(await timedOut.json()).toEqual({ message: 'Endpoint request timed out' });

    const refused = await proxyApi('http://127.0.0.1:1/{proxy}');
    const down = await servedWithin(`${gatewayUrl}/${refused}/prod/x`, {}, (r) => r.status !== 403, 1000);
    expect(down.status).toBe(500);
    expect(down.headers.get('x-amzn-errortype')).toBe('InternalServerErrorException');
    expect(await down.json()).toEqual({ message: 'Internal server error' });
  });

  it('answers unknown stages and paths with 403 Missing Authentication Token', async () => {
    const restApiId = await proxyApi(`${backendUrl}/{proxy}`);
    await servedWithin(`${gatewayUrl}/${restApiId}/prod/a`, {}, (r) => r.status === 200, 1000);
    for (const path of [`/${restApiId}/nostage/a`, `/${restApiId}/prod`, '/zzzzzzzzzz/prod/a']) {
      const res = await fetch(`${gatewayUrl}${path}`);
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ message: 'Missing Authentication Token' });
    }
  });

  it('applies a stage change without a redeploy', async () => {
    const restApiId = await proxyApi('http://${stageVariables.backend}/{proxy}', {
      variables: { backend: '127.0.0.1:1' },
    });
    const before = await servedWithin(`${gatewayUrl}/${restApiId}/prod/s`, {}, (r) => r.status !== 403, 1000);
    expect(before.status).toBe(500);
    await clients.DEVELOPER.send(
      new UpdateStageCommand({
        restApiId,
        stageName: 'prod',
        patchOperations: [{ op: 'replace', path: '/variables/backend', value: backendHost() }],
      }),
    );
    const after = await servedWithin(`${gatewayUrl}/${restApiId}/prod/s`, {}, (r) => r.status === 200, 1000);
    expect(after.status).toBe(200);
  });
});

describe('HTTP_PROXY streaming', () => {
  let restApiId = '';
  beforeAll(async () => {
    restApiId = await proxyApi(`${backendUrl}/{proxy}`);
    await servedWithin(`${gatewayUrl}/${restApiId}/prod/warm`, {}, (r) => r.status === 200, 1000);
  });

  it('passes repeated response headers on as separate headers, and the Content-Length', async () => {
    const res = await fetch(`${gatewayUrl}/${restApiId}/prod/cookies`);
    expect(res.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(res.headers.get('content-length')).toBe('2');
    expect(res.headers.get('x-amzn-remapped-content-length')).toBe('2');
  });

  it('streams a large body whole to a client that reads slowly (the backend is paused meanwhile)', async () => {
    const received = await new Promise<Buffer>((resolve, reject) => {
      http
        .get(`${gatewayUrl}/${restApiId}/prod/big`, (res) => {
          const chunks: Buffer[] = [];
          res.pause();
          // read nothing for a while: the gateway's socket buffer fills and backpressure reaches the backend
          setTimeout(() => {
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve(Buffer.concat(chunks)));
            res.resume();
          }, 300);
        })
        .on('error', reject);
    });
    expect(received.length).toBe(BIG.length);
    expect(received.equals(BIG)).toBe(true);
  });

  it('applies a short timeoutInMillis to the wait for the answer, not to a body that keeps coming', async () => {
    const quick = await proxyApi(`${backendUrl}/{proxy}`, { timeoutInMillis: 300 });
    const res = await servedWithin(`${gatewayUrl}/${quick}/prod/trickle`, {}, (r) => r.status !== 403, 1000);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text.split('\n').filter(Boolean)).toHaveLength(8);
  });

  it('stops the backend request when the client goes away mid-response', async () => {
    await new Promise<void>((resolve, reject) => {
      const req = http.get(`${gatewayUrl}/${restApiId}/prod/endless`, (res) => {
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      });
      req.on('error', (error) => {
        if (!req.destroyed) reject(error);
      });
    });
    const closed = await Promise.race([
      endlessClosed.then(() => true),
      new Promise<boolean>((r) => setTimeout(() => r(false), 2000)),
    ]);
    expect(closed).toBe(true);
  });
});

describe('request validation', () => {
  it('checks required parameters first (AWS’s order: headers, path, query string), then the body against its model', async () => {
    const client = clients.DEVELOPER;
    const api = await client.send(new CreateRestApiCommand({ name: 'Validated' }));
    const restApiId = api.id as string;
    await client.send(
      new CreateModelCommand({
        restApiId,
        name: 'Pet',
        contentType: 'application/json',
        schema: JSON.stringify({
          $schema: 'http://json-schema.org/draft-04/schema#',
          type: 'object',
          required: ['name'],
          properties: { name: { type: 'string' }, age: { type: 'integer', minimum: 0 } },
        }),
      }),
    );
    const validator = await client.send(
      new CreateRequestValidatorCommand({
        restApiId,
        name: 'all',
        validateRequestBody: true,
        validateRequestParameters: true,
      }),
    );
    const pets = await client.send(
      new CreateResourceCommand({ restApiId, parentId: api.rootResourceId, pathPart: 'pets' }),
    );
    await client.send(
      new PutMethodCommand({
        restApiId,
        resourceId: pets.id,
        httpMethod: 'POST',
        authorizationType: 'NONE',
        requestValidatorId: validator.id,
        requestParameters: { 'method.request.header.x-trace': true, 'method.request.querystring.owner': true },
        requestModels: { 'application/json': 'Pet' },
      }),
    );
    await client.send(
      new PutIntegrationCommand({
        restApiId,
        resourceId: pets.id,
        httpMethod: 'POST',
        type: 'HTTP_PROXY',
        integrationHttpMethod: 'POST',
        uri: `${backendUrl}/pets`,
      }),
    );
    await client.send(new CreateDeploymentCommand({ restApiId, stageName: 'v' }));
    const url = `${gatewayUrl}/${restApiId}/v/pets`;
    const post = (query: string, headers: Record<string, string>, body: string) =>
      fetch(`${url}${query}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });

    const noParams = await servedWithin(url, { method: 'POST', body: '{}' }, (r) => r.status !== 403, 1000);
    expect(noParams.status).toBe(400);
    expect(noParams.headers.get('x-amzn-errortype')).toBe('BadRequestException');
    expect(await noParams.json()).toEqual({ message: 'Missing required request parameters: [x-trace, owner]' });

    const badBody = await post('?owner=me', { 'X-Trace': 't' }, '{"age": -1}');
    expect(badBody.status).toBe(400);
    expect(await badBody.json()).toEqual({ message: 'Invalid request body' });
    const notJson = await post('?owner=me', { 'X-Trace': 't' }, 'not json');
    expect(notJson.status).toBe(400);

    const ok = await post('?owner=me', { 'X-Trace': 't' }, '{"name": "Rex", "age": 3}');
    expect(ok.status).toBe(200);
  });
});

describe('MOCK and HTTP integrations with mapping templates', () => {
  it('serves the seeded PetStore demo from MOCK integrations', async () => {
    const restApiId = await seedDemoApi();
    await clients.DEVELOPER.send(new CreateDeploymentCommand({ restApiId, stageName: 'demo' }));
    const list = await servedWithin(`${gatewayUrl}/${restApiId}/demo/pets`, {}, (r) => r.status !== 403, 1000);
    expect(list.status).toBe(200);
    expect(list.headers.get('content-type')).toBe('application/json');
    expect(await list.json()).toEqual([
      { id: 1, type: 'dog', price: 249.99 },
      { id: 2, type: 'cat', price: 124.99 },
      { id: 3, type: 'fish', price: 0.99 },
    ]);
    expect(await (await fetch(`${gatewayUrl}/${restApiId}/demo/pets/7`)).json()).toEqual({
      id: 7,
      type: 'dog',
      price: 249.99,
    });
    const created = await fetch(`${gatewayUrl}/${restApiId}/demo/pets`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"type":"cat"}',
    });
    const body = (await created.json()) as { message: string; requestId: string };
    expect(body).toEqual({ message: 'success', requestId: created.headers.get('x-amzn-requestid') });
  });

  it('maps only the declared parameters to an HTTP backend and shapes both directions with templates', async () => {
    const client = clients.DEVELOPER;
    const api = await client.send(new CreateRestApiCommand({ name: 'Mapped' }));
    const restApiId = api.id as string;
    const orders = await client.send(
      new CreateResourceCommand({ restApiId, parentId: api.rootResourceId, pathPart: 'orders' }),
    );
    const order = await client.send(new CreateResourceCommand({ restApiId, parentId: orders.id, pathPart: '{id}' }));
    await client.send(
      new PutMethodCommand({
        restApiId,
        resourceId: order.id,
        httpMethod: 'POST',
        authorizationType: 'NONE',
        requestParameters: { 'method.request.path.id': true, 'method.request.header.X-Tenant': false },
      }),
    );
    await client.send(
      new PutIntegrationCommand({
        restApiId,
        resourceId: order.id,
        httpMethod: 'POST',
        type: 'HTTP',
        integrationHttpMethod: 'PUT',
        uri: `${backendUrl}/backend/{oid}`,
        requestParameters: {
          'integration.request.path.oid': 'method.request.path.id',
          'integration.request.header.X-Tenant': 'method.request.header.X-Tenant',
          'integration.request.querystring.src': "'gateway'",
        },
        requestTemplates: { 'application/json': '{"wrapped": $input.json(\'$\'), "stage": "$context.stage"}' },
        passthroughBehavior: 'NEVER',
      }),
    );
    await client.send(
      new PutMethodResponseCommand({
        restApiId,
        resourceId: order.id,
        httpMethod: 'POST',
        statusCode: '200',
        responseParameters: {
          'method.response.header.X-Backend-Said': true,
          'method.response.header.Date': false,
          'method.response.header.Server': false,
          'method.response.header.Content-Length': false,
          'method.response.header.WWW-Authenticate': false,
        },
      }),
    );
    await client.send(
      new PutIntegrationResponseCommand({
        restApiId,
        resourceId: order.id,
        httpMethod: 'POST',
        statusCode: '200',
        responseParameters: {
          'method.response.header.X-Backend-Said': 'integration.response.header.X-Backend',
          'method.response.header.Date': 'integration.response.header.Date',
          'method.response.header.Server': 'integration.response.header.Server',
          'method.response.header.Content-Length': "'12345'",
          'method.response.header.WWW-Authenticate': "'Basic'",
        },
        responseTemplates: {
          'application/json': '#set($b = $input.path(\'$\')){"backendPath": "$b.path", "verb": "$b.method"}',
        },
      }),
    );
    await client.send(new CreateDeploymentCommand({ restApiId, stageName: 'api' }));
    const before = seen.length;
    const res = await servedWithin(
      `${gatewayUrl}/${restApiId}/api/orders/o-1?ignored=1`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Tenant': 't1', 'X-Unmapped': 'no' },
        body: '{"qty":2}',
      },
      (r) => r.status !== 403,
      1000,
    );
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ backendPath: '/backend/o-1?src=gateway', verb: 'PUT' });
    expect(res.headers.get('x-backend-said')).toBe('yes');
    // AWS renames mapped headers it keeps for itself (§16): the response's own Content-Length and Date stay true.
    expect(res.headers.get('x-amzn-remapped-date')).toMatch(/GMT$/);
    expect(res.headers.get('x-amzn-remapped-server')).toBe('test-backend');
    expect(res.headers.get('x-amzn-remapped-content-length')).toBe('12345');
    expect(res.headers.get('content-length')).toBe(String(Buffer.byteLength(text)));
    expect(res.headers.get('x-amzn-remapped-www-authenticate')).toBe('Basic');
    expect(res.headers.get('www-authenticate')).toBeNull();
    expect(res.headers.get('x-amzn-trace-id')).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Sampled=0$/);
    const call = seen[before];
    expect(call?.body).toBe('{"wrapped": {"qty":2}, "stage": "api"}');
    expect(call?.headers['x-tenant']).toBe('t1');
    expect(call?.headers['x-unmapped']).toBeUndefined();
    expect(call?.headers['user-agent']).toBe(`AmazonAPIGateway_${restApiId}`);

    const unsupported = await fetch(`${gatewayUrl}/${restApiId}/api/orders/o-1`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: 'x',
    });
    expect(unsupported.status).toBe(415);
    expect(await unsupported.json()).toEqual({ message: 'Unsupported Media Type' });
    expect(unsupported.headers.get('x-amzn-trace-id')).toBeNull(); // a gateway error, not the integration's answer
  });

  it('selects integration responses by status, and answers 500 when none applies or a template fails', async () => {
    const client = clients.DEVELOPER;
    const api = await client.send(new CreateRestApiCommand({ name: 'Selection' }));
    const restApiId = api.id as string;
    const r = await client.send(new CreateResourceCommand({ restApiId, parentId: api.rootResourceId, pathPart: 'm' }));
    await client.send(
      new PutMethodCommand({ restApiId, resourceId: r.id, httpMethod: 'GET', authorizationType: 'NONE' }),
    );
    await client.send(
      new PutIntegrationCommand({
        restApiId,
        resourceId: r.id,
        httpMethod: 'GET',
        type: 'MOCK',
        requestTemplates: {
          'application/json':
            "#if($input.params('boom') == 'yes')$input.path('$.no.such')#end{\"statusCode\": #if($input.params('code') != '')$input.params('code')#{else}200#end}",
        },
      }),
    );
    for (const code of ['200', '404']) {
      await client.send(
        new PutMethodResponseCommand({ restApiId, resourceId: r.id, httpMethod: 'GET', statusCode: code }),
      );
    }
    await client.send(
      new PutIntegrationResponseCommand({
        restApiId,
        resourceId: r.id,
        httpMethod: 'GET',
        statusCode: '200',
        selectionPattern: '2\\d{2}',
        responseTemplates: { 'application/json': '{"ok": true}' },
      }),
    );
    await client.send(
      new PutIntegrationResponseCommand({
        restApiId,
        resourceId: r.id,
        httpMethod: 'GET',
        statusCode: '404',
        selectionPattern: '404',
        responseTemplates: { 'application/json': '#set($context.responseOverride.header.X-Why = "gone"){"ok": false}' },
      }),
    );
    await client.send(new CreateDeploymentCommand({ restApiId, stageName: 's' }));
    const ok = await servedWithin(`${gatewayUrl}/${restApiId}/s/m`, {}, (res) => res.status !== 403, 1000);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ ok: true });
    const missing = await fetch(`${gatewayUrl}/${restApiId}/s/m?code=404`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-why')).toBe('gone');
    expect(await missing.json()).toEqual({ ok: false });
    const unmatched = await fetch(`${gatewayUrl}/${restApiId}/s/m?code=500`);
    expect(unmatched.status).toBe(500);
    expect(await unmatched.json()).toEqual({ message: 'Internal server error' });
  });

  it('refuses to deploy a template that does not parse', async () => {
    const client = clients.DEVELOPER;
    const api = await client.send(new CreateRestApiCommand({ name: 'Broken template' }));
    const restApiId = api.id as string;
    await client.send(
      new PutMethodCommand({ restApiId, resourceId: api.rootResourceId, httpMethod: 'GET', authorizationType: 'NONE' }),
    );
    await client.send(
      new PutIntegrationCommand({
        restApiId,
        resourceId: api.rootResourceId,
        httpMethod: 'GET',
        type: 'MOCK',
        requestTemplates: { 'application/json': '#if($x' },
      }),
    );
    const error = await sdkFailure(client.send(new CreateDeploymentCommand({ restApiId, stageName: 's' })));
    expect(error.name).toBe('BadRequestException');
    expect(error.message).toMatch(
      /^Invalid mapping template for the integration request of GET \/ \(application\/json\): /,
    );
  });
});

describe('custom domains', () => {
  it('routes base paths to API stages, longest match first (API versioning)', async () => {
    const v1 = await proxyApi(`${backendUrl}/v1/{proxy}`, { stage: 'live' });
    const v2 = await proxyApi(`${backendUrl}/v2/{proxy}`, { stage: 'live' });
    const client = clients.DEVELOPER;
    const domainName = `api${Date.now()}.example.test`;
    await client.send(new CreateDomainNameCommand({ domainName, endpointConfiguration: { types: ['REGIONAL'] } }));
    await client.send(new CreateBasePathMappingCommand({ domainName, basePath: 'v1', restApiId: v1, stage: 'live' }));
    await client.send(new CreateBasePathMappingCommand({ domainName, basePath: 'v2', restApiId: v2, stage: 'live' }));
    await client.send(
      new CreateBasePathMappingCommand({ domainName, basePath: 'orders/v2', restApiId: v2, stage: 'live' }),
    );
    const deadline = Date.now() + 1000;
    let first = await hostRequest(`${gatewayUrl}/v1/things`, domainName);
    while (first.status === 403 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
      first = await hostRequest(`${gatewayUrl}/v1/things`, domainName);
    }
    expect(JSON.parse(first.body)).toEqual({ path: '/v1/things', method: 'GET' });
    expect(JSON.parse((await hostRequest(`${gatewayUrl}/v2/things`, domainName)).body)).toEqual({
      path: '/v2/things',
      method: 'GET',
    });
    expect(JSON.parse((await hostRequest(`${gatewayUrl}/orders/v2/x`, domainName)).body)).toEqual({
      path: '/v2/x',
      method: 'GET',
    });
    expect((await hostRequest(`${gatewayUrl}/v3/things`, domainName)).status).toBe(403);
  });
});

describe('binary media types', () => {
  it('passes binary responses as bytes to a binary Accept and as base64 text otherwise (HTTP, no contentHandling)', async () => {
    const client = clients.DEVELOPER;
    const api = await client.send(new CreateRestApiCommand({ name: 'Binary', binaryMediaTypes: ['image/png'] }));
    const restApiId = api.id as string;
    const png = await client.send(
      new CreateResourceCommand({ restApiId, parentId: api.rootResourceId, pathPart: 'png' }),
    );
    await client.send(
      new PutMethodCommand({ restApiId, resourceId: png.id, httpMethod: 'GET', authorizationType: 'NONE' }),
    );
    await client.send(
      new PutIntegrationCommand({
        restApiId,
        resourceId: png.id,
        httpMethod: 'GET',
        type: 'HTTP',
        integrationHttpMethod: 'GET',
        uri: `${backendUrl}/png`,
      }),
    );
    await client.send(
      new PutMethodResponseCommand({ restApiId, resourceId: png.id, httpMethod: 'GET', statusCode: '200' }),
    );
    await client.send(
      new PutIntegrationResponseCommand({ restApiId, resourceId: png.id, httpMethod: 'GET', statusCode: '200' }),
    );
    await client.send(new CreateDeploymentCommand({ restApiId, stageName: 'b' }));
    const bytes = await servedWithin(
      `${gatewayUrl}/${restApiId}/b/png`,
      { headers: { Accept: 'image/png' } },
      (r) => r.status !== 403,
      1000,
    );
    expect(bytes.status).toBe(200);
    expect(Buffer.from(await bytes.arrayBuffer())).toEqual(PNG);
    const text = await fetch(`${gatewayUrl}/${restApiId}/b/png`, { headers: { Accept: 'application/json' } });
    expect(await text.text()).toBe(PNG.toString('base64'));
  });
});

describe('gateway responses over HTTP', () => {
  /** Sends a request whose Content-Length says more than 10 MB, and reads the answer without sending the body. */
  function oversized(url: string): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
    return new Promise((resolve, reject) => {
      const req = http.request(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Length': String(10 * 1024 * 1024 + 1) },
      });
      req.on('response', (res) => {
        let body = '';
        res.on('data', (c) => {
          body += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      });
      req.on('error', reject);
      req.flushHeaders();
    });
  }

  it('answers a body over 10 MB with AWS’s plain-text 413 (REQUEST_TOO_LARGE), before anything else', async () => {
    const restApiId = await proxyApi(`${backendUrl}/{proxy}`);
    await servedWithin(`${gatewayUrl}/${restApiId}/prod/warm`, {}, (r) => r.status === 200, 1000);
    const before = seen.length;
    const res = await oversized(`${gatewayUrl}/${restApiId}/prod/upload`);
    expect(res.status).toBe(413);
    expect(res.body).toBe('HTTP content length exceeded 10485760 bytes.');
    expect(res.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen.length).toBe(before);
  });

  it('applies an API’s customised responses once deployed: per type, then DEFAULT_4XX/DEFAULT_5XX', async () => {
    const client = clients.DEVELOPER;
    const restApiId = await proxyApi('http://127.0.0.1:1/{proxy}', { stage: 'live' });
    await client.send(
      new PutGatewayResponseCommand({
        restApiId,
        responseType: 'MISSING_AUTHENTICATION_TOKEN',
        statusCode: '404',
        responseParameters: {
          'gatewayresponse.header.X-Stage': 'context.stage',
          'gatewayresponse.header.X-Static': "'fixed'",
        },
        responseTemplates: { 'application/json': '{"error":"no route","stage":"$context.stage"}' },
      }),
    );
    await client.send(
      new PutGatewayResponseCommand({
        restApiId,
        responseType: 'DEFAULT_5XX',
        statusCode: '503',
        responseParameters: { 'gatewayresponse.header.Retry-After': "'30'" },
      }),
    );
    // Not served before a deployment: the stage still runs the snapshot without them.
    const unchanged = await servedWithin(`${gatewayUrl}/${restApiId}/live`, {}, (r) => r.status === 403, 1000);
    expect(await unchanged.json()).toEqual({ message: 'Missing Authentication Token' });

    await client.send(new CreateDeploymentCommand({ restApiId, stageName: 'live' }));
    const missing = await servedWithin(`${gatewayUrl}/${restApiId}/live`, {}, (r) => r.status === 404, 1000);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-stage')).toBe('live');
    expect(missing.headers.get('x-static')).toBe('fixed');
    expect(missing.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
    expect(await missing.json()).toEqual({ error: 'no route', stage: 'live' });

    // The backend is unreachable (API_CONFIGURATION_ERROR, 500): DEFAULT_5XX's status and header apply, the
    // built-in body stays.
    const down = await fetch(`${gatewayUrl}/${restApiId}/live/anything`);
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBe('30');
    expect(await down.json()).toEqual({ message: 'Internal server error' });
  });
});

describe('clients that leave before the backend answers', () => {
  it('frees the backend connection, so the gateway still stops promptly', async () => {
    const own = await startGateway({
      port: 0,
      adminPort: 0,
      host: '127.0.0.1',
      databaseUrl: process.env.DATABASE_URL as string,
    });
    try {
      const url = `http://127.0.0.1:${(own.gateway.address() as AddressInfo).port}`;
      const restApiId = await proxyApi(`${backendUrl}/{proxy}`);
      await servedWithin(`${url}/${restApiId}/prod/warm`, {}, (r) => r.status === 200, 1000);
      // /slow answers after 500 ms; each client gives up after 50 ms
      await Promise.all(
        Array.from(
          { length: 5 },
          () =>
            new Promise<void>((resolve) => {
              const req = http.get(`${url}/${restApiId}/prod/slow`);
              req.on('error', () => resolve());
              setTimeout(() => req.destroy(), 50);
            }),
        ),
      );
      await new Promise((r) => setTimeout(r, 700));
    } finally {
      const started = Date.now();
      await own.stop();
      expect(Date.now() - started).toBeLessThan(2000);
    }
  });
});
