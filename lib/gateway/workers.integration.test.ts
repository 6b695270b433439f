// The gateway as several processes (PORTICO_GATEWAY_WORKERS): one port served by all workers, throttling limits
// shared out between them, a dead worker replaced, and SIGTERM draining in-flight requests before everything exits.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../services/actor';
import { createDeployment } from '../services/deployments/create-deployment';
import { putIntegration } from '../services/integrations/put-integration';
import { putMethod } from '../services/methods/put-method';
import { createResource } from '../services/resources/create-resource';
import { createRestApi } from '../services/rest-apis/create-rest-api';
import { updateStage } from '../services/stages/update-stage';

let backend: http.Server;
let primary: ChildProcess;
let output = '';
let base = '';
let limited = '';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; gateway output:\n${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The primary's worker processes, from /proc (Linux: CI's and this project's platform). */
function workerPids(): number[] {
  return fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        // (tsx's esbuild service is a child too)
        return parent === primary.pid && fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('main.ts');
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** A request on a connection of its own (the primary hands connections to the workers in turn). */
function get(path: string, stage = base): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${stage}${path}`, { agent: false }, (res) => {
        let body = '';
        res.on('data', (c) => {
          body += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

beforeAll(async () => {
  backend = http.createServer((req, res) => {
    const delay = req.url?.startsWith('/slow') ? 600 : 0;
    setTimeout(() => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ url: req.url, pid: process.pid }));
    }, delay);
  });
  await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve));
  const backendPort = (backend.address() as AddressInfo).port;

  const api = await createRestApi(SYSTEM_ACTOR, { name: 'Workers' });
  const proxy = await createResource(SYSTEM_ACTOR, api.id, api.rootResourceId, { pathPart: '{proxy+}' });
  await putMethod(SYSTEM_ACTOR, api.id, proxy.id, 'ANY', { authorizationType: 'NONE' });
  await putIntegration(SYSTEM_ACTOR, api.id, proxy.id, 'ANY', {
    type: 'HTTP_PROXY',
    httpMethod: 'ANY',
    uri: `http://127.0.0.1:${backendPort}/{proxy}`,
  });
  await createDeployment(SYSTEM_ACTOR, api.id, { stageName: 'w' });
  // A stage that lets 4 requests through at once, and no more (no refill).
  await createDeployment(SYSTEM_ACTOR, api.id, { stageName: 'limited' });
  await updateStage(SYSTEM_ACTOR, api.id, 'limited', {
    patchOperations: [
      { op: 'replace', path: '/*/*/throttling/burstLimit', value: '4' },
      { op: 'replace', path: '/*/*/throttling/rateLimit', value: '0' },
    ],
  });

  const [port, adminPort] = [await freePort(), await freePort()];
  base = `http://127.0.0.1:${port}/${api.id}/w`;
  limited = `http://127.0.0.1:${port}/${api.id}/limited`;
  primary = spawn(process.execPath, ['--import', 'tsx', 'lib/gateway/main.ts'], {
    env: {
      ...process.env,
      PORTICO_GATEWAY_PORT: String(port),
      PORTICO_GATEWAY_ADMIN_PORT: String(adminPort),
      PORTICO_GATEWAY_WORKERS: '2',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  primary.stdout?.on('data', (c) => {
    output += c;
  });
  primary.stderr?.on('data', (c) => {
    output += c;
  });
  await waitFor('the gateway to listen', () => (output.includes('with 2 worker processes') ? true : undefined));
});

afterAll(async () => {
  if (primary && primary.exitCode === null) {
    primary.kill('SIGKILL');
    for (const pid of workerPids()) process.kill(pid, 'SIGKILL');
  }
  backend?.close();
  backend?.closeAllConnections();
});

describe('PORTICO_GATEWAY_WORKERS=2', () => {
  it("keeps the node to a stage's throttling limit: each worker takes its share of the burst", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i += 1) statuses.push((await get(`/items/${i}`, limited)).status);
    // 2 per worker, whichever worker each connection reached
    expect(statuses.filter((s) => s === 200)).toHaveLength(4);
    expect(statuses.filter((s) => s === 429)).toHaveLength(6);
  });

  it('serves one port from two worker processes, and replaces a worker that dies', async () => {
    expect((await get('/items/1')).status).toBe(200);
    const workers = workerPids();
    expect(workers).toHaveLength(2);

    process.kill(workers[0] as number, 'SIGKILL');
    await waitFor('the primary to notice', () =>
      output.includes(`worker ${workers[0]} exited (SIGKILL); starting another`) ? true : undefined,
    );
    // The other worker serves alone until the new one is up (a second later).
    for (let i = 0; i < 5; i += 1) expect((await get(`/during/${i}`)).status).toBe(200);
    const replaced = await waitFor('a new worker', () => {
      const now = workerPids();
      return now.length === 2 && !now.includes(workers[0] as number) ? now : undefined;
    });
    expect(replaced).toContain(workers[1]);
    expect((await get('/after')).status).toBe(200);
  });

  it('drains in-flight requests on SIGTERM, then every process exits', async () => {
    const workers = workerPids();
    const slow = get('/slow/1');
    await new Promise((r) => setTimeout(r, 150));
    const exited = new Promise<number | null>((resolve) => primary.once('exit', (code) => resolve(code)));
    primary.kill('SIGTERM');
    const answer = await slow;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ url: '/slow/1' });
    expect(await exited).toBe(0);
    await waitFor('the workers to exit', () =>
      workers.every((pid) => !fs.existsSync(`/proc/${pid}`)) ? true : undefined,
    );
  });
});
