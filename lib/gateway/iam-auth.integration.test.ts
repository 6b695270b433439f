// AWS_IAM methods at the gateway (§5.8), over real HTTP: requests signed with SigV4 (Smithy's signer, as the AWS SDK
// signs) by a Portico user's access key, made through the management API; the gateway hears of keys through NOTIFY.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CreateDeploymentCommand, TestInvokeMethodCommand, UpdateMethodCommand } from '@aws-sdk/client-api-gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteAccessKey } from '../services/access-keys/delete-access-key';
import { eventually } from '../testing/eventually';
import { presignedUrl, signedHeaders } from '../testing/execute-api-signer';
import { startTestGateway } from '../testing/gateway';
import { withManagementApi } from '../testing/management-api';
import { createMockApi } from '../testing/mock-api';
import { createProxyApi } from '../testing/proxy-api';
import { rawRequest } from '../testing/raw-request';
import type { RunningGateway } from './server';

const { api, clients } = withManagementApi(['DEVELOPER'] as const);
let gateway: RunningGateway;
let gatewayUrl = '';
let backend: http.Server;
let backendUrl = '';
const seenAuthorization: Array<string | undefined> = [];

beforeAll(async () => {
  ({ gateway, url: gatewayUrl } = await startTestGateway());
  backend = http.createServer((req, res) => {
    seenAuthorization.push(req.headers.authorization);
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end('{"backend":true}');
  });
  await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve));
  backendUrl = `http://127.0.0.1:${(backend.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await gateway?.stop();
  backend?.close();
  backend?.closeAllConnections();
});

const whoami =
  '{"accessKey": "$!context.identity.accessKey", "caller": "$!context.identity.caller", "user": "$!context.identity.user", "userArn": "$!context.identity.userArn", "accountId": "$!context.identity.accountId"}';

async function refusal(res: Response): Promise<{ status: number; type: string | null; message: string }> {
  return { status: res.status, type: res.headers.get('x-amzn-errortype'), message: (await res.json()).message };
}

describe('AWS_IAM methods', () => {
  it('open to a valid SigV4 signature of an active access key, with AWS’s refusals otherwise', async () => {
    const { restApiId } = await createMockApi(clients.DEVELOPER, [
      { name: 'whoami', responseTemplate: whoami, authorizationType: 'AWS_IAM' },
      {
        name: 'echo',
        responseTemplate: '{"posted": true}',
        authorizationType: 'AWS_IAM',
        httpMethod: 'POST',
      },
    ]);
    const url = `${gatewayUrl}/${restApiId}/prod/whoami`;
    const { credentials, actor } = await api().client('VIEWER'); // any Portico user's key may invoke

    // Unsigned: AWS's Missing Authentication Token.
    expect(await refusal(await fetch(url))).toEqual({
      status: 403,
      type: 'MissingAuthenticationTokenException',
      message: 'Missing Authentication Token',
    });

    // Signed by a key the gateway heard of through NOTIFY (created after it started).
    const ok = await eventually(
      async () => fetch(url, { headers: await signedHeaders(url, credentials) }),
      (res) => res.status === 200,
    );
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({
      accessKey: credentials.accessKeyId,
      caller: actor.userId,
      user: actor.userId,
      userArn: `arn:aws:iam::123456789012:user/${actor.email}`,
      accountId: '123456789012',
    });

    // A signed body: its hash is part of the signature.
    const echo = `${gatewayUrl}/${restApiId}/prod/echo`;
    const body = '{"n":1}';
    const posted = await fetch(echo, {
      method: 'POST',
      body,
      headers: await signedHeaders(echo, credentials, { method: 'POST', body }),
    });
    expect(posted.status).toBe(200);
    expect(await posted.json()).toEqual({ posted: true });
    const tampered = await fetch(echo, {
      method: 'POST',
      body: '{"n":2}',
      headers: await signedHeaders(echo, credentials, { method: 'POST', body }),
    });
    expect((await refusal(tampered)).type).toBe('InvalidSignatureException');

    // Wrong secret, unknown key, a stale signature, an incomplete header.
    const wrong = await fetch(url, {
      headers: await signedHeaders(url, { ...credentials, secretAccessKey: `${credentials.secretAccessKey}x` }),
    });
    expect(await refusal(wrong)).toEqual({
      status: 403,
      type: 'InvalidSignatureException',
      message:
        'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    });
    const unknown = await fetch(url, {
      headers: await signedHeaders(url, { ...credentials, accessKeyId: 'AKIAUNKNOWNKEY000000' }),
    });
    expect(await refusal(unknown)).toEqual({
      status: 403,
      type: 'UnrecognizedClientException',
      message: 'The security token included in the request is invalid.',
    });
    const stale = await fetch(url, {
      headers: await signedHeaders(url, credentials, { signingDate: new Date(Date.now() - 10 * 60_000) }),
    });
    const staleRefusal = await refusal(stale);
    expect(staleRefusal.type).toBe('InvalidSignatureException');
    expect(staleRefusal.message).toMatch(/^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z/);
    const incomplete = await fetch(url, {
      headers: { Authorization: 'AWS4-HMAC-SHA256 Credential=x', 'X-Amz-Date': '20261122T000000Z' },
    });
    expect((await refusal(incomplete)).type).toBe('IncompleteSignatureException');

    // The key deleted: refused within a second.
    await deleteAccessKey(actor, credentials.accessKeyId);
    const gone = await eventually(
      async () => fetch(url, { headers: await signedHeaders(url, credentials) }),
      (res) => res.status !== 200,
    );
    expect((await refusal(gone)).type).toBe('UnrecognizedClientException');
  });

  it('does not pass the SigV4 Authorization header to an HTTP_PROXY backend, and TestInvoke needs no signature', async () => {
    const client = clients.DEVELOPER;
    const { restApiId, resourceId } = await createProxyApi(client, `${backendUrl}/{proxy}`);
    await client.send(
      new UpdateMethodCommand({
        restApiId,
        resourceId,
        httpMethod: 'ANY',
        patchOperations: [{ op: 'replace', path: '/authorizationType', value: 'AWS_IAM' }],
      }),
    );
    await client.send(new CreateDeploymentCommand({ restApiId, stageName: 'prod' }));
    const { credentials } = await api().client('DEVELOPER');
    const url = `${gatewayUrl}/${restApiId}/prod/items`;
    const res = await eventually(
      async () => fetch(url, { headers: await signedHeaders(url, credentials) }),
      (r) => r.status === 200,
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ backend: true });
    expect(seenAuthorization.at(-1)).toBeUndefined();

    const test = await client.send(
      new TestInvokeMethodCommand({ restApiId, resourceId, httpMethod: 'ANY', pathWithQueryString: '/items' }),
    );
    expect(test.status).toBe(200);
  });

  it('accepts a pre-signed URL within its lifetime, as the AWS signer makes it', async () => {
    const { restApiId } = await createMockApi(clients.DEVELOPER, [
      { name: 'whoami', responseTemplate: whoami, authorizationType: 'AWS_IAM' },
    ]);
    const { credentials } = await api().client('DEVELOPER');
    const url = `${gatewayUrl}/${restApiId}/prod/whoami`;
    const presign = (expiresIn: number, signingDate?: Date) =>
      presignedUrl(url, credentials, { expiresIn, signingDate });
    const ok = await eventually(
      async () => fetch(await presign(60)),
      (res) => res.status === 200,
    );
    expect(ok.status).toBe(200);
    expect((await ok.json()).accessKey).toBe(credentials.accessKeyId);
    // SigV4 resolves `.`/`..` segments before signing, and the gateway routes the same resolved path: a URL signed
    // for /whoami is good for /x/../whoami (which is /whoami), and only for that.
    const signed = new URL(await presign(60));
    const dotted = await rawRequest(gatewayUrl, [
      `GET ${signed.pathname.replace('/whoami', '/x/../whoami')}${signed.search} HTTP/1.1`,
      `Host: ${signed.host}`,
    ]);
    expect(dotted.status).toBe(200);
    const expired = await fetch(await presign(60, new Date(Date.now() - 5 * 60_000)));
    expect(expired.status).toBe(403);
    expect(expired.headers.get('x-amzn-errortype')).toBe('InvalidSignatureException');
  });
});
