// Temporary credentials end to end: STS GetSessionToken through the real @aws-sdk/client-sts, then the credentials
// signing management API calls and AWS_IAM requests at the gateway — until they expire, when the gateway answers
// EXPIRED_TOKEN and the management API ExpiredTokenException, as AWS does.
import { APIGatewayClient, GetRestApisCommand } from '@aws-sdk/client-api-gateway';
import { GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db/client';
import { notifyConfigChange } from '../services/config-changes';
import { eventually } from '../testing/eventually';
import { type SigningCredentials, signedHeaders } from '../testing/execute-api-signer';
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

const signedGet = async (url: string, credentials: SigningCredentials) =>
  fetch(url, { headers: await signedHeaders(url, credentials) });

describe('temporary credentials (STS GetSessionToken)', () => {
  it('sign management API calls and AWS_IAM requests until they expire', async () => {
    const { credentials } = await api().client('DEVELOPER');
    const sts = new STSClient({ endpoint: `${api().endpoint}/sts`, region: 'us-east-1', credentials, maxAttempts: 1 });
    const issued = await sts.send(new GetSessionTokenCommand({ DurationSeconds: 900 }));
    const temporary = {
      accessKeyId: issued.Credentials?.AccessKeyId as string,
      secretAccessKey: issued.Credentials?.SecretAccessKey as string,
      sessionToken: issued.Credentials?.SessionToken as string,
    };
    expect(temporary.accessKeyId).toMatch(/^PSIA[A-Z0-9]{16}$/);
    const lifetime = (issued.Credentials?.Expiration?.getTime() ?? 0) - Date.now();
    expect(lifetime).toBeGreaterThan(890_000);
    expect(lifetime).toBeLessThanOrEqual(900_000);

    // AWS's refusals: a duration out of range; temporary credentials asking for more.
    expect(await sdkFailure(sts.send(new GetSessionTokenCommand({ DurationSeconds: 60 })))).toMatchObject({
      name: 'ValidationError',
      status: 400,
    });
    const fromSession = new STSClient({
      endpoint: `${api().endpoint}/sts`,
      region: 'us-east-1',
      credentials: temporary,
      maxAttempts: 1,
    });
    expect(await sdkFailure(fromSession.send(new GetSessionTokenCommand({})))).toMatchObject({
      name: 'AccessDenied',
      message: 'Cannot call GetSessionToken with session credentials',
      status: 403,
    });

    // The management API takes them; a wrong session token is unknown.
    const managed = new APIGatewayClient({
      endpoint: api().endpoint,
      region: 'us-east-1',
      credentials: temporary,
      maxAttempts: 1,
    });
    expect((await managed.send(new GetRestApisCommand({}))).items).toBeDefined();
    const forged = new APIGatewayClient({
      endpoint: api().endpoint,
      region: 'us-east-1',
      credentials: { ...temporary, sessionToken: `${temporary.sessionToken}x` },
      maxAttempts: 1,
    });
    expect((await sdkFailure(forged.send(new GetRestApisCommand({})))).name).toBe('UnrecognizedClientException');

    // So does the gateway, on an AWS_IAM method.
    const { restApiId } = await createMockApi(clients.DEVELOPER, [
      {
        name: 'whoami',
        responseTemplate: '{"accessKey": "$context.identity.accessKey"}',
        authorizationType: 'AWS_IAM',
      },
    ]);
    const url = `${gatewayUrl}/${restApiId}/prod/whoami`;
    const ok = await eventually(
      () => signedGet(url, temporary),
      (res) => res.status === 200,
    );
    expect(await ok.json()).toEqual({ accessKey: temporary.accessKeyId });
    const wrongToken = await signedGet(url, { ...temporary, sessionToken: 'not-the-token' });
    expect(wrongToken.headers.get('x-amzn-errortype')).toBe('UnrecognizedClientException');

    // They expire (moved into the past here rather than waited for): EXPIRED_TOKEN at the gateway.
    await db().$transaction(async (tx) => {
      await tx.sessionCredential.update({
        where: { accessKeyId: temporary.accessKeyId },
        data: { expiresAt: new Date(Date.now() - 60_000) },
      });
      await notifyConfigChange(tx, { kind: 'access-keys' });
    });
    const expired = await eventually(
      () => signedGet(url, temporary),
      (res) => res.status !== 200,
    );
    expect({
      status: expired.status,
      type: expired.headers.get('x-amzn-errortype'),
      body: await expired.json(),
    }).toEqual({
      status: 403,
      type: 'ExpiredTokenException',
      body: { message: 'The security token included in the request is expired' },
    });
    expect(await sdkFailure(managed.send(new GetRestApisCommand({})))).toMatchObject({
      name: 'ExpiredTokenException',
      message: 'The security token included in the request is expired',
      status: 403,
    });
    for (const client of [sts, fromSession, managed, forged]) client.destroy();
  });
});
