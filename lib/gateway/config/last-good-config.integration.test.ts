// The gateway keeps serving its last good configuration while PostgreSQL is down, and picks up changes again once
// it is back, by itself. Runs on an embedded PostgreSQL of its own, which the test stops and restarts.
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../db/client';
import { type EmbeddedServer, startEmbeddedPostgres } from '../../db/embedded-postgres';
import { createTestDatabase } from '../../db/test-database';
import { SYSTEM_ACTOR } from '../../services/actor';
import { createDeployment } from '../../services/deployments/create-deployment';
import { putIntegration } from '../../services/integrations/put-integration';
import { putMethod } from '../../services/methods/put-method';
import { createResource } from '../../services/resources/create-resource';
import { createRestApi } from '../../services/rest-apis/create-rest-api';
import { type RunningGateway, startGateway } from '../server';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portico-lastgood-'));
fs.chmodSync(dir, 0o755);
let port = 0;
let server: EmbeddedServer | undefined;
let databaseUrl = '';
let gateway: RunningGateway | undefined;
let backend: http.Server;
let backendPort = 0;
let apiId = '';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port: p } = s.address() as net.AddressInfo;
      s.close(() => resolve(p));
    });
  });

async function sql(text: string, values: unknown[] = []): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(text, values);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  backend = http.createServer((req, res) =>
    res.end(JSON.stringify({ path: req.url, tag: req.headers['x-tag'] ?? null })),
  );
  await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve));
  backendPort = (backend.address() as net.AddressInfo).port;

  // Build and deploy the API with the real services (in the suite's database), then copy what the gateway reads.
  const api = await createRestApi(SYSTEM_ACTOR, { name: 'Last good' });
  apiId = api.id;
  const items = await createResource(SYSTEM_ACTOR, api.id, api.rootResourceId, { pathPart: '{proxy+}' });
  await putMethod(SYSTEM_ACTOR, api.id, items.id, 'ANY', {
    authorizationType: 'NONE',
    requestParameters: { 'method.request.path.proxy': true },
  });
  await putIntegration(SYSTEM_ACTOR, api.id, items.id, 'ANY', {
    type: 'HTTP_PROXY',
    httpMethod: 'ANY',
    uri: `http://127.0.0.1:${backendPort}/\${stageVariables.prefix}/{proxy}`,
    requestParameters: { 'integration.request.path.proxy': 'method.request.path.proxy' },
  });
  const deployment = await createDeployment(SYSTEM_ACTOR, api.id, { stageName: 'prod', variables: { prefix: 'one' } });
  const [apiRow, deploymentRow, stageRow] = await Promise.all([
    db().restApi.findUniqueOrThrow({ where: { id: api.id } }),
    db().deployment.findUniqueOrThrow({ where: { id: deployment.id } }),
    db().stage.findFirstOrThrow({ where: { restApiId: api.id } }),
  ]);

  port = await freePort();
  server = await startEmbeddedPostgres({ dir: path.join(dir, 'data'), port });
  const database = await createTestDatabase(server.adminUrl, 'portico_lastgood');
  databaseUrl = database.url;
  await sql('INSERT INTO "RestApi" ("id", "name", "rootResourceId", "updatedAt") VALUES ($1, $2, $3, now())', [
    apiRow.id,
    apiRow.name,
    apiRow.rootResourceId,
  ]);
  await sql('INSERT INTO "Deployment" ("id", "restApiId", "snapshotVersion", "snapshot") VALUES ($1, $2, $3, $4)', [
    deploymentRow.id,
    apiRow.id,
    deploymentRow.snapshotVersion,
    JSON.stringify(deploymentRow.snapshot),
  ]);
  await sql(
    'INSERT INTO "Stage" ("id", "restApiId", "stageName", "deploymentId", "variables", "lastUpdatedDate") VALUES ($1, $2, $3, $4, $5, now())',
    [stageRow.id, apiRow.id, 'prod', deploymentRow.id, JSON.stringify({ prefix: 'one' })],
  );
  gateway = await startGateway({
    port: 0,
    adminPort: 0,
    host: '127.0.0.1',
    databaseUrl,
    pollIntervalMs: 60_000,
    log: () => {},
  });
}, 120_000);

afterAll(async () => {
  await gateway?.stop();
  await server?.stop();
  backend?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function call(): Promise<{ status: number; path?: string }> {
  const address = gateway?.gateway.address() as net.AddressInfo;
  const res = await fetch(`http://127.0.0.1:${address.port}/${apiId}/prod/a/b`);
  return { status: res.status, ...(res.status === 200 && { path: ((await res.json()) as { path: string }).path }) };
}

async function eventually(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

describe('last good configuration', () => {
  it('serves with PostgreSQL stopped, and reconnects by itself when it is back', async () => {
    expect(await call()).toEqual({ status: 200, path: '/one/a/b' });

    await server?.stop();
    for (let i = 0; i < 5; i++) expect(await call()).toEqual({ status: 200, path: '/one/a/b' });

    server = await startEmbeddedPostgres({ dir: path.join(dir, 'data'), port });
    await sql(`UPDATE "Stage" SET "variables" = '{"prefix":"two"}', "lastUpdatedDate" = now()`);
    // The listener reconnects with backoff and catches up on what changed while it was away.
    const updated = await eventually(async () => (await call()).path === '/two/a/b', 15_000);
    expect(updated).toBe(true);
  }, 60_000);
});
