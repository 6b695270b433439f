// The fixed interface: the AWS SDK pointed at the running console's base URL, signing with the access key that
// PORTICO_ACCESS_KEY_ID / PORTICO_SECRET_ACCESS_KEY created at start; and the `portico` CLI on top of it.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  APIGatewayClient,
  CreateBasePathMappingCommand,
  CreateDeploymentCommand,
  CreateDomainNameCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  GetBasePathMappingCommand,
  GetRestApisCommand,
  GetStageCommand,
  PutIntegrationCommand,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand,
} from '@aws-sdk/client-api-gateway';
import { expect, test } from '@playwright/test';
import { consoleUrl, E2E, gatewayUrl } from '../support/ports';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..', '..');

const sdk = (secretAccessKey = E2E.secretAccessKey) =>
  new APIGatewayClient({
    endpoint: consoleUrl,
    region: 'eu-west-1',
    credentials: { accessKeyId: E2E.accessKeyId, secretAccessKey },
    maxAttempts: 1,
  });

test('the AWS SDK builds and deploys an API against the console server', async () => {
  const client = sdk();
  const api = await client.send(new CreateRestApiCommand({ name: 'From the SDK', description: 'e2e' }));
  const orders = await client.send(
    new CreateResourceCommand({ restApiId: api.id, parentId: api.rootResourceId, pathPart: 'orders' }),
  );
  await client.send(
    new PutMethodCommand({ restApiId: api.id, resourceId: orders.id, httpMethod: 'GET', authorizationType: 'NONE' }),
  );
  await client.send(
    new PutIntegrationCommand({
      restApiId: api.id,
      resourceId: orders.id,
      httpMethod: 'GET',
      type: 'MOCK',
      requestTemplates: { 'application/json': '{"statusCode": 200}' },
    }),
  );
  await client.send(
    new PutMethodResponseCommand({ restApiId: api.id, resourceId: orders.id, httpMethod: 'GET', statusCode: '200' }),
  );
  await client.send(
    new PutIntegrationResponseCommand({
      restApiId: api.id,
      resourceId: orders.id,
      httpMethod: 'GET',
      statusCode: '200',
      responseTemplates: { 'application/json': '{"orders": [], "stage": "$context.stage"}' },
    }),
  );
  const deployment = await client.send(new CreateDeploymentCommand({ restApiId: api.id, stageName: 'prod' }));
  const stage = await client.send(new GetStageCommand({ restApiId: api.id, stageName: 'prod' }));
  expect(stage.deploymentId).toBe(deployment.id);
  // Percent-encoded path parameters ("(none)" → %28none%29) must survive the console server for SigV4 to verify.
  await client.send(
    new CreateDomainNameCommand({ domainName: 'api.e2e.test', endpointConfiguration: { types: ['REGIONAL'] } }),
  );
  await client.send(new CreateBasePathMappingCommand({ domainName: 'api.e2e.test', restApiId: api.id, stage: 'prod' }));
  const mapping = await client.send(new GetBasePathMappingCommand({ domainName: 'api.e2e.test', basePath: '(none)' }));
  expect(mapping).toMatchObject({ basePath: '(none)', restApiId: api.id, stage: 'prod' });
  // The running gateway process hears of the deployment and serves it.
  let served: Response | undefined;
  for (let i = 0; i < 50; i++) {
    served = await fetch(`${gatewayUrl}/${api.id}/prod/orders`);
    if (served.status !== 403) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(served?.status).toBe(200);
  expect(await served?.json()).toEqual({ orders: [], stage: 'prod' });
  const listed = await client.send(new GetRestApisCommand({}));
  expect(listed.items?.map((a) => a.name)).toContain('From the SDK');
  client.destroy();

  const cli = await run(process.execPath, [path.join(ROOT, 'bin/portico.mjs'), 'url', api.id as string, 'prod'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORTICO_ENDPOINT: consoleUrl,
      AWS_ACCESS_KEY_ID: E2E.accessKeyId,
      AWS_SECRET_ACCESS_KEY: E2E.secretAccessKey,
      PORTICO_GATEWAY_URL: 'http://localhost:8180',
    },
  });
  expect(cli.stdout.trim().split('\n')).toEqual([
    `http://${api.id}.execute-api.localhost:8180/prod`,
    `http://localhost:8180/${api.id}/prod`,
  ]);
  const apis = await run(process.execPath, [path.join(ROOT, 'bin/portico.mjs'), 'apis'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORTICO_ENDPOINT: consoleUrl,
      AWS_ACCESS_KEY_ID: E2E.accessKeyId,
      AWS_SECRET_ACCESS_KEY: E2E.secretAccessKey,
    },
  });
  expect(apis.stdout).toContain(`${api.id}\tFrom the SDK\te2e`);
});

test('a wrong secret is refused with AWS’s InvalidSignatureException', async () => {
  const client = sdk('not-the-right-secret-at-all-000000000000');
  const error = (await client.send(new GetRestApisCommand({})).catch((e: unknown) => e)) as {
    name: string;
    message: string;
    $metadata: { httpStatusCode: number };
  };
  expect(error.name).toBe('InvalidSignatureException');
  expect(error.$metadata.httpStatusCode).toBe(403);
  expect(error.message).toMatch(/^The request signature we calculated does not match the signature you provided/);
  client.destroy();
});

test('an unsigned call without a session gets Missing Authentication Token', async ({ request }) => {
  const res = await request.get(`${consoleUrl}/restapis`);
  expect(res.status()).toBe(403);
  expect(res.headers()['x-amzn-errortype']).toBe('MissingAuthenticationTokenException');
  expect(await res.json()).toEqual({ message: 'Missing Authentication Token' });
});
