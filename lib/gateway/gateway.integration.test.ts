// The gateway over real HTTP: APIs built and deployed through the real AWS SDK, served from snapshots to real local
// backends; deployments reach the running gateway through LISTEN/NOTIFY.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CreateDeploymentCommand,
  CreateModelCommand,
  CreateRequestValidatorCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  PutIntegrationCommand,
  PutMethodCommand,
  UpdateStageCommand,
} from '@aws-sdk/client-api-gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withManagementApi } from '../testing/management-api';
import { type RunningGateway, startGateway } from './server';

const { clients } = withManagementApi(['DEVELOPER'] as const);
let gateway: RunningGateway;
let gatewayUrl = '';
let backend: http.Server;
let backendUrl = '';
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
    res.writeHead(req.url?.includes('missing') ? 404 : 200, {
      'Content-Type': 'application/json',
      Server: 'test-backend',
      'X-Backend': 'yes',
    });
    res.end(JSON.stringify({ path: req.url, method: req.method }));
  });
  await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve));
  backendUrl = `http://127.0.0.1:${(backend.address() as AddressInfo).port}`;
  gateway = await startGateway({
    port: 0,
    adminPort: 0,
    host: '127.0.0.1',
    databaseUrl: process.env.DATABASE_URL as string,
  });
  gatewayUrl = `http://127.0.0.1:${(gateway.gateway.address() as AddressInfo).port}`;
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
  const api = await client.send(new CreateRestApiCommand({ name: 'Proxy' }));
  const restApiId = api.id as string;
  const proxy = await client.send(
    new CreateResourceCommand({ restApiId, parentId: api.rootResourceId, pathPart: '{proxy+}' }),
  );
  await client.send(
    new PutMethodCommand({
      restApiId,
      resourceId: proxy.id,
      httpMethod: 'ANY',
      authorizationType: 'NONE',
      requestParameters: { 'method.request.path.proxy': true },
    }),
  );
  await client.send(
    new PutIntegrationCommand({
      restApiId,
      resourceId: proxy.id,
      httpMethod: 'ANY',
      type: 'HTTP_PROXY',
      integrationHttpMethod: 'ANY',
      uri,
      requestParameters: { 'integration.request.path.proxy': 'method.request.path.proxy' },
      timeoutInMillis: options.timeoutInMillis,
    }),
  );
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
async function servedWithin(
  url: string,
  init: RequestInit,
  ok: (res: Response) => boolean,
  ms: number,
): Promise<Response> {
  const deadline = Date.now() + ms;
  for (;;) {
    const res = await fetch(url, init);
    if (ok(res) || Date.now() > deadline) return res;
    await new Promise((r) => setTimeout(r, 20));
  }
}

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
