// API keys at the gateway (§6.2), over real HTTP: keys and usage plans made through the real AWS SDK reach a running
// gateway through LISTEN/NOTIFY, and an apiKeyRequired method opens only to an enabled key of a plan on its stage.
import {
  CreateApiKeyCommand,
  CreateDeploymentCommand,
  CreateUsagePlanCommand,
  CreateUsagePlanKeyCommand,
  DeleteUsagePlanKeyCommand,
  GetUsageCommand,
  PutGatewayResponseCommand,
  TestInvokeMethodCommand,
  UpdateApiKeyCommand,
  UpdateUsageCommand,
  UpdateUsagePlanCommand,
} from '@aws-sdk/client-api-gateway';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../testing/eventually';
import { startTestGateway } from '../testing/gateway';
import { withManagementApi } from '../testing/management-api';
import { createMockApi } from '../testing/mock-api';
import { type StageVersionRow, selectStageVersions, stageVersion } from './data/stage-rows';
import type { RunningGateway } from './server';

const { clients } = withManagementApi(['DEVELOPER'] as const);
let gateway: RunningGateway;
let gatewayUrl = '';
let pool: pg.Pool;

beforeAll(async () => {
  ({ gateway, url: gatewayUrl } = await startTestGateway());
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
});

afterAll(async () => {
  await gateway?.stop();
  await pool?.end();
});

/** GET /secret (apiKeyRequired) and GET /open, MOCK answers that show the caller's key; deployed to `prod`. */
async function keyedApi(): Promise<{ restApiId: string; secretId: string }> {
  const responseTemplate =
    '{"keyId": "$!context.identity.apiKeyId", "key": "$!context.identity.apiKey", "path": "$context.resourcePath"}';
  const { restApiId, ids } = await createMockApi(clients.DEVELOPER, [
    { name: 'secret', responseTemplate, apiKeyRequired: true },
    { name: 'open', responseTemplate },
  ]);
  return { restApiId, secretId: ids.secret as string };
}

const within = (url: string, headers: Record<string, string>, ok: (status: number) => boolean) =>
  eventually(
    () => fetch(url, { headers }),
    (res) => ok(res.status),
  );

describe('API keys', () => {
  it('opens an apiKeyRequired method only to an enabled key of a usage plan on its stage, within a second of each change', async () => {
    const client = clients.DEVELOPER;
    const { restApiId } = await keyedApi();
    const secret = `${gatewayUrl}/${restApiId}/prod/secret`;
    const value = 'portico-test-key-0123456789abcdef';

    // A method without apiKeyRequired on the same stage needs none (once the gateway serves the new stage).
    expect((await within(`${gatewayUrl}/${restApiId}/prod/open`, {}, (s) => s === 200)).status).toBe(200);
    // No key: AWS's INVALID_API_KEY, 403 Forbidden.
    const none = await fetch(secret);
    expect(none.status).toBe(403);
    expect(await none.json()).toEqual({ message: 'Forbidden' });
    expect(none.headers.get('x-amzn-errortype')).toBe('ForbiddenException');

    // An enabled key that is in no plan of this stage: still 403.
    const key = await client.send(new CreateApiKeyCommand({ name: 'partner', enabled: true, value }));
    expect((await fetch(secret, { headers: { 'x-api-key': value } })).status).toBe(403);

    // In a usage plan on the stage: open, and the key shows in $context.identity.
    const plan = await client.send(
      new CreateUsagePlanCommand({ name: 'gold', apiStages: [{ apiId: restApiId, stage: 'prod' }] }),
    );
    await client.send(new CreateUsagePlanKeyCommand({ usagePlanId: plan.id, keyId: key.id, keyType: 'API_KEY' }));
    const ok = await within(secret, { 'X-API-Key': value }, (s) => s === 200);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ keyId: key.id, key: value, path: '/secret' });

    // A wrong value, or the right one on another stage of the API, is refused.
    expect((await fetch(secret, { headers: { 'x-api-key': `${value}x` } })).status).toBe(403);
    await client.send(new CreateDeploymentCommand({ restApiId, stageName: 'beta' }));
    expect((await within(`${gatewayUrl}/${restApiId}/beta/open`, {}, (s) => s === 200)).status).toBe(200);
    const beta = await fetch(`${gatewayUrl}/${restApiId}/beta/secret`, { headers: { 'x-api-key': value } });
    expect(beta.status).toBe(403);
    expect(await beta.json()).toEqual({ message: 'Forbidden' });

    // Disabled: refused again; enabled: open again.
    const setEnabled = (enabled: boolean) =>
      client.send(
        new UpdateApiKeyCommand({
          apiKey: key.id,
          patchOperations: [{ op: 'replace', path: '/enabled', value: String(enabled) }],
        }),
      );
    const version = async () =>
      (await selectStageVersions(pool)).find((v) => v.restApiId === restApiId && v.stageName === 'prod');
    const before = await version();
    await setEnabled(false);
    expect((await within(secret, { 'x-api-key': value }, (s) => s === 403)).status).toBe(403);
    // The safety-net poll (for a missed NOTIFY) sees key changes too, though they leave the stage row as it was.
    const after = await version();
    expect(after?.lastUpdatedDate).toEqual(before?.lastUpdatedDate);
    expect(stageVersion(after as StageVersionRow)).not.toBe(stageVersion(before as StageVersionRow));
    await setEnabled(true);
    expect((await within(secret, { 'x-api-key': value }, (s) => s === 200)).status).toBe(200);

    // The plan leaves the stage, or the key leaves the plan: refused.
    await client.send(
      new UpdateUsagePlanCommand({
        usagePlanId: plan.id,
        patchOperations: [{ op: 'remove', path: '/apiStages', value: `${restApiId}:prod` }],
      }),
    );
    expect((await within(secret, { 'x-api-key': value }, (s) => s === 403)).status).toBe(403);
    await client.send(
      new UpdateUsagePlanCommand({
        usagePlanId: plan.id,
        patchOperations: [{ op: 'add', path: '/apiStages', value: `${restApiId}:prod` }],
      }),
    );
    expect((await within(secret, { 'x-api-key': value }, (s) => s === 200)).status).toBe(200);
    await client.send(new DeleteUsagePlanKeyCommand({ usagePlanId: plan.id, keyId: key.id }));
    expect((await within(secret, { 'x-api-key': value }, (s) => s === 403)).status).toBe(403);
  });

  it("applies each key's usage plan throttle, per key, and the plan's per-method limits on the stage", async () => {
    const client = clients.DEVELOPER;
    const { restApiId } = await keyedApi();
    const secret = `${gatewayUrl}/${restApiId}/prod/secret`;
    const [one, two, three] = ['a', 'b', 'c'].map((c) => `portico-plan-key-${c.repeat(20)}`) as [
      string,
      string,
      string,
    ];
    const keys = [];
    for (const value of [one, two, three]) {
      keys.push(await client.send(new CreateApiKeyCommand({ name: value.slice(-3), enabled: true, value })));
    }
    const perKey = await client.send(
      new CreateUsagePlanCommand({
        name: 'two-at-once',
        throttle: { burstLimit: 2, rateLimit: 0 },
        apiStages: [{ apiId: restApiId, stage: 'prod' }],
      }),
    );
    const perMethod = await client.send(
      new CreateUsagePlanCommand({
        name: 'one-secret',
        apiStages: [{ apiId: restApiId, stage: 'prod', throttle: { '/secret/GET': { burstLimit: 1, rateLimit: 0 } } }],
      }),
    );
    for (const [plan, key] of [
      [perKey, keys[0]],
      [perKey, keys[1]],
      [perMethod, keys[2]],
    ] as const) {
      await client.send(new CreateUsagePlanKeyCommand({ usagePlanId: plan.id, keyId: key?.id, keyType: 'API_KEY' }));
    }
    const call = async (value: string) => (await fetch(secret, { headers: { 'x-api-key': value } })).status;

    // The second key's first success shows the keys have reached the gateway (and spends one of its own tokens).
    expect((await within(secret, { 'x-api-key': two }, (s) => s === 200)).status).toBe(200);
    expect([await call(one), await call(one), await call(one)]).toEqual([200, 200, 429]);
    expect([await call(two), await call(two)]).toEqual([200, 429]); // a bucket per key
    const throttled = await fetch(secret, { headers: { 'x-api-key': one } });
    expect(await throttled.json()).toEqual({ message: 'Too Many Requests' });
    expect(throttled.headers.get('x-amzn-errortype')).toBe('TooManyRequestsException');

    expect((await within(secret, { 'x-api-key': three }, (s) => s === 200)).status).toBe(200);
    expect(await call(three)).toBe(429); // the plan's limit for GET /secret on this stage: one at once
  });

  it("counts each key's requests for its plan (GetUsage) and refuses them once the plan's quota is spent", async () => {
    const client = clients.DEVELOPER;
    const { restApiId } = await keyedApi();
    const secret = `${gatewayUrl}/${restApiId}/prod/secret`;
    const value = `portico-quota-key-${'q'.repeat(20)}`;
    const key = await client.send(new CreateApiKeyCommand({ name: 'quota', enabled: true, value }));
    const plan = await client.send(
      new CreateUsagePlanCommand({
        name: 'three-a-day',
        quota: { limit: 3, period: 'DAY' },
        apiStages: [{ apiId: restApiId, stage: 'prod' }],
      }),
    );
    await client.send(new CreateUsagePlanKeyCommand({ usagePlanId: plan.id, keyId: key.id, keyType: 'API_KEY' }));
    const call = async () => fetch(secret, { headers: { 'x-api-key': value } });

    expect((await within(secret, { 'x-api-key': value }, (s) => s === 200)).status).toBe(200); // the first of 3
    expect([(await call()).status, (await call()).status]).toEqual([200, 200]);
    const spent = await call();
    expect(spent.status).toBe(429);
    expect(await spent.json()).toEqual({ message: 'Limit Exceeded' });
    expect(spent.headers.get('x-amzn-errortype')).toBe('LimitExceededException');

    // GetUsage shows what the gateway counted (written within about a second): 3 used, none left.
    const today = new Date().toISOString().slice(0, 10);
    const usage = async () =>
      (
        await client.send(
          new GetUsageCommand({ usagePlanId: plan.id, keyId: key.id, startDate: today, endDate: today }),
        )
      ).items?.[key.id as string];
    const deadline = Date.now() + 3000;
    while (JSON.stringify(await usage()) !== '[[3,0]]' && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    expect(await usage()).toEqual([[3, 0]]);

    // UpdateUsage gives the key 2 more: the gateway reads it back within its next tick.
    await client.send(
      new UpdateUsageCommand({
        usagePlanId: plan.id,
        keyId: key.id,
        patchOperations: [{ op: 'replace', path: '/remaining', value: '2' }],
      }),
    );
    const again = await eventually(call, (res) => res.status === 200, 3000);
    expect(again.status).toBe(200);
    expect([(await call()).status, (await call()).status]).toEqual([200, 429]);
  });

  it('answers with the API’s customised INVALID_API_KEY gateway response once deployed', async () => {
    const client = clients.DEVELOPER;
    const { restApiId } = await keyedApi();
    await client.send(
      new PutGatewayResponseCommand({
        restApiId,
        responseType: 'INVALID_API_KEY',
        statusCode: '401',
        responseParameters: { 'gatewayresponse.header.WWW-Authenticate': "'ApiKey'" },
        responseTemplates: { 'application/json': '{"error": "$context.error.responseType"}' },
      }),
    );
    await client.send(new CreateDeploymentCommand({ restApiId, stageName: 'prod' }));
    const res = await within(`${gatewayUrl}/${restApiId}/prod/secret`, {}, (s) => s === 401);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'INVALID_API_KEY' });
    expect(res.headers.get('www-authenticate')).toBe('ApiKey');
    expect(res.headers.get('x-amzn-errortype')).toBe('ForbiddenException');
  });

  it('is not checked by TestInvokeMethod (AWS runs the method without a key there)', async () => {
    const { restApiId, secretId } = await keyedApi();
    const result = await clients.DEVELOPER.send(
      new TestInvokeMethodCommand({ restApiId, resourceId: secretId, httpMethod: 'GET' }),
    );
    expect(result.status).toBe(200);
    expect(JSON.parse(result.body as string)).toMatchObject({ keyId: '', key: '' });
  });
});
