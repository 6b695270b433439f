// API resource policies at the gateway, over real HTTP: policies set through the real AWS SDK, applied with the next
// deployment (as AWS does), refusing anonymous and IAM callers with AWS's ACCESS_DENIED answers.
import { CreateDeploymentCommand, UpdateRestApiCommand } from '@aws-sdk/client-api-gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../testing/eventually';
import { signedHeaders } from '../testing/execute-api-signer';
import { startTestGateway } from '../testing/gateway';
import { sdkFailure, withManagementApi } from '../testing/management-api';
import { createMockApi } from '../testing/mock-api';
import type { RunningGateway } from './server';

const { api, clients } = withManagementApi(['DEVELOPER'] as const);
let gateway: RunningGateway;
let gatewayUrl = '';

beforeAll(async () => {
  ({ gateway, url: gatewayUrl } = await startTestGateway());
});
afterAll(async () => {
  await gateway?.stop();
});

const ok = '{"ok": true}';

async function setPolicy(restApiId: string, policy: object): Promise<void> {
  await clients.DEVELOPER.send(
    new UpdateRestApiCommand({
      restApiId,
      patchOperations: [{ op: 'replace', path: '/policy', value: JSON.stringify(policy) }],
    }),
  );
}

async function deployWithPolicy(restApiId: string, policy: object): Promise<void> {
  await setPolicy(restApiId, policy);
  await clients.DEVELOPER.send(new CreateDeploymentCommand({ restApiId, stageName: 'prod' }));
}

const allow = (Resource: string, Condition?: object) => ({
  Effect: 'Allow',
  Principal: '*',
  Action: 'execute-api:Invoke',
  Resource,
  ...(Condition && { Condition }),
});

describe('resource policies', () => {
  it('need an explicit Allow for anonymous callers and refuse on an explicit Deny, from the next deployment on', async () => {
    const { restApiId } = await createMockApi(clients.DEVELOPER, [
      { name: 'open', responseTemplate: ok },
      { name: 'closed', responseTemplate: ok },
    ]);
    const base = `${gatewayUrl}/${restApiId}/prod`;
    await eventually(
      () => fetch(`${base}/open`),
      (r) => r.status === 200,
    );

    const policy = {
      Version: '2012-10-17',
      Statement: [
        allow('execute-api:/*', { IpAddress: { 'aws:SourceIp': ['127.0.0.1/32', '::1/128'] } }),
        { ...allow('execute-api:/prod/GET/closed'), Effect: 'Deny' },
      ],
    };
    // Not deployed yet: the stage still serves the deployment made without it.
    await setPolicy(restApiId, policy);
    await new Promise((r) => setTimeout(r, 200));
    expect((await fetch(`${base}/closed`)).status).toBe(200);
    await clients.DEVELOPER.send(new CreateDeploymentCommand({ restApiId, stageName: 'prod' }));
    const denied = await eventually(
      () => fetch(`${base}/closed`),
      (r) => r.status === 403,
    );
    expect(denied.status).toBe(403);
    expect(denied.headers.get('x-amzn-errortype')).toBe('AccessDeniedException');
    // AWS's quirks for this refusal: a capital "Message", and the account id masked but for its last four digits.
    expect(await denied.json()).toEqual({
      Message: `User: anonymous is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:********9012:${restApiId}/prod/GET/closed with an explicit deny`,
    });
    expect((await fetch(`${base}/open`)).status).toBe(200); // allowed from this address
    // Every spelling that reaches /closed is judged as /closed: encoded letters, doubled and trailing slashes.
    for (const spelling of ['/%63losed', '//closed', '/closed/']) {
      const res = await fetch(`${base}${spelling}`);
      expect([spelling, res.status, (await res.json()).Message]).toEqual([
        spelling,
        403,
        expect.stringContaining(`${restApiId}/prod/GET/closed with an explicit deny`),
      ]);
    }

    // Only other addresses allowed: an implicit deny (no "explicit deny" suffix).
    await deployWithPolicy(restApiId, {
      Statement: [allow('execute-api:/*', { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } })],
    });
    const implicit = await eventually(
      () => fetch(`${base}/open`),
      (r) => r.status === 403,
    );
    expect(await implicit.json()).toEqual({
      Message: `User: anonymous is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:********9012:${restApiId}/prod/GET/open`,
    });
  });

  it('refuses an IAM caller only on an explicit Deny naming it', async () => {
    const { restApiId } = await createMockApi(clients.DEVELOPER, [
      { name: 'iam', responseTemplate: ok, authorizationType: 'AWS_IAM' },
    ]);
    const { credentials, actor } = await api().client('DEVELOPER');
    const userArn = `arn:aws:iam::123456789012:user/${actor.email}`;
    await deployWithPolicy(restApiId, {
      Statement: [
        {
          Effect: 'Deny',
          Principal: { AWS: userArn },
          Action: 'execute-api:Invoke',
          Resource: 'execute-api:/*/GET/iam',
        },
      ],
    });
    const url = `${gatewayUrl}/${restApiId}/prod/iam`;
    const signed = async () => fetch(url, { headers: await signedHeaders(url, credentials) });
    const res = await eventually(
      signed,
      (r) => r.status === 403 && r.headers.get('x-amzn-errortype') === 'AccessDeniedException',
    );
    expect(await res.json()).toEqual({
      Message: `User: ${userArn} is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:********9012:${restApiId}/prod/GET/iam with an explicit deny`,
    });
  });

  it('are refused by the management API when they are not policy documents', async () => {
    const { restApiId } = await createMockApi(clients.DEVELOPER, [{ name: 'x', responseTemplate: ok }]);
    const failure = await sdkFailure(
      clients.DEVELOPER.send(
        new UpdateRestApiCommand({
          restApiId,
          patchOperations: [{ op: 'replace', path: '/policy', value: '{not json' }],
        }),
      ),
    );
    expect(failure).toEqual({
      name: 'BadRequestException',
      message: 'Invalid policy document. Please check the policy syntax and ensure that Principals are valid.',
      status: 400,
    });
  });
});
