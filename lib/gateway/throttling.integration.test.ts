// Throttling at the gateway (§6.5), over real HTTP: a stage's method settings, set through the real AWS SDK, reach a
// running gateway without a redeploy; each method has its own bucket; the gateway-wide (account) limit comes last.
import { TestInvokeMethodCommand, UpdateStageCommand } from '@aws-sdk/client-api-gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway } from '../testing/gateway';
import { withManagementApi } from '../testing/management-api';
import { createMockApi } from '../testing/mock-api';
import type { RunningGateway } from './server';

const { clients } = withManagementApi(['DEVELOPER'] as const);
const gateways: RunningGateway[] = [];

async function gatewayWith(env: Record<string, string> = {}): Promise<string> {
  const saved = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  Object.assign(process.env, env);
  try {
    const { gateway, url } = await startTestGateway();
    gateways.push(gateway);
    return url;
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

let gatewayUrl = '';
beforeAll(async () => {
  gatewayUrl = await gatewayWith();
});
afterAll(async () => {
  await Promise.all(gateways.map((g) => g.stop()));
});

/** GET /a, /b, /c and /probe (MOCK; each shows the stage variable `v`), deployed to `prod`. */
const mockApi = () =>
  createMockApi(
    clients.DEVELOPER,
    ['a', 'b', 'c', 'probe'].map((name) => ({ name, responseTemplate: '{"v": "$!stageVariables.v"}' })),
  );

const replace = (path: string, value: string) => ({ op: 'replace' as const, path, value });

/** Updates the stage, then waits until the gateway serves the update (its variable `v` shows through /probe). */
async function updateStage(base: string, restApiId: string, v: string, patches: Array<ReturnType<typeof replace>>) {
  await clients.DEVELOPER.send(
    new UpdateStageCommand({ restApiId, stageName: 'prod', patchOperations: [...patches, replace('/variables/v', v)] }),
  );
  const deadline = Date.now() + 1000;
  for (;;) {
    const res = await fetch(`${base}/${restApiId}/prod/probe`);
    if (res.status === 200 && (await res.json()).v === v) return;
    if (Date.now() > deadline) throw new Error('the stage update did not reach the gateway within a second');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const statuses = async (url: string, n: number) => {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await fetch(url)).status);
  return out;
};

const probeOpen = [
  replace('/probe/GET/throttling/burstLimit', '1000'),
  replace('/probe/GET/throttling/rateLimit', '1000'),
];

describe('throttling', () => {
  it("applies the stage's default method limits to each method's own bucket, and per-method overrides, without a redeploy", async () => {
    const { restApiId, ids } = await mockApi();
    const base = `${gatewayUrl}/${restApiId}/prod`;
    await updateStage(gatewayUrl, restApiId, '1', [
      replace('/*/*/throttling/burstLimit', '2'),
      replace('/*/*/throttling/rateLimit', '0'),
      ...probeOpen,
    ]);

    expect(await statuses(`${base}/a`, 2)).toEqual([200, 200]);
    const throttled = await fetch(`${base}/a`);
    expect(throttled.status).toBe(429);
    expect(await throttled.json()).toEqual({ message: 'Too Many Requests' });
    expect(throttled.headers.get('x-amzn-errortype')).toBe('TooManyRequestsException');
    expect(throttled.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    // /b has a bucket of its own
    expect(await statuses(`${base}/b`, 3)).toEqual([200, 200, 429]);

    // A method's own entry overrides */* (here a bigger burst for /c); a stage update, no redeploy.
    await updateStage(gatewayUrl, restApiId, '2', [replace('/c/GET/throttling/burstLimit', '3')]);
    expect(await statuses(`${base}/c`, 4)).toEqual([200, 200, 200, 429]);

    // TestInvokeMethod is never throttled.
    const test = await clients.DEVELOPER.send(
      new TestInvokeMethodCommand({ restApiId, resourceId: ids.a, httpMethod: 'GET' }),
    );
    expect(test.status).toBe(200);
  });

  it('applies the gateway-wide limit (AWS: the account level) after the method limits, across APIs', async () => {
    const first = await mockApi();
    const second = await mockApi();
    // Started after both deployments, it loads them at start: no request is spent waiting for it.
    const own = await gatewayWith({ PORTICO_ACCOUNT_THROTTLE_BURST: '3', PORTICO_ACCOUNT_THROTTLE_RATE: '0' });
    const calls = [`${first.restApiId}/prod/a`, `${first.restApiId}/prod/b`, `${second.restApiId}/prod/a`];
    const results = [];
    for (const path of calls) results.push((await fetch(`${own}/${path}`)).status);
    expect(results).toEqual([200, 200, 200]);
    const fourth = await fetch(`${own}/${second.restApiId}/prod/b`);
    expect(fourth.status).toBe(429);
    expect(await fourth.json()).toEqual({ message: 'Too Many Requests' });
  });
});
