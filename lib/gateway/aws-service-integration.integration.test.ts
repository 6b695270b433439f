// AWS service integrations (type AWS, services other than Lambda) over real HTTP: APIs made with
// @aws-sdk/client-api-gateway; the "AWS services" are a local server, reached through the AWS SDKs' own endpoint
// setting (AWS_ENDPOINT_URL), that checks every request's SigV4 signature with the AWS SDK's signer as the service
// would, and plays STS for the integration's role.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type APIGatewayClient, TestInvokeMethodCommand } from '@aws-sdk/client-api-gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySignature } from '../aws-api/sigv4';
import { eventually } from '../testing/eventually';
import { startTestGateway } from '../testing/gateway';
import { createIntegratedApi } from '../testing/integrated-api';
import { withManagementApi } from '../testing/management-api';
import { forgetAwsCredentials } from './integrations/aws-credentials';
import type { RunningGateway } from './server';

const { clients } = withManagementApi(['DEVELOPER'] as const);

/** The gateway's own AWS credentials (the SDK's provider chain reads them from the environment) and the role's. */
const GATEWAY_KEY = { id: 'AKIAGATEWAYEXAMPLE', secret: 'gateway-secret' };
const ROLE_KEY = { id: 'ASIAROLEEXAMPLE', secret: 'role-secret', token: 'role-session-token' };
const ROLE_ARN = 'arn:aws:iam::123456789012:role/apigateway-orders';

interface Received {
  service: string;
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  signedBy: string;
}

const received: Received[] = [];
const settings = ['AWS_ENDPOINT_URL', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'] as const;
const before = Object.fromEntries(settings.map((name) => [name, process.env[name]]));
let services: http.Server;
let gateway: RunningGateway;
let gatewayUrl = '';

const secrets = new Map([
  [GATEWAY_KEY.id, { secret: GATEWAY_KEY.secret, token: undefined as string | undefined }],
  [ROLE_KEY.id, { secret: ROLE_KEY.secret, token: ROLE_KEY.token as string | undefined }],
]);

const ASSUME_ROLE_ANSWER = `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
<AssumeRoleResult><Credentials><AccessKeyId>${ROLE_KEY.id}</AccessKeyId><SecretAccessKey>${ROLE_KEY.secret}</SecretAccessKey>
<SessionToken>${ROLE_KEY.token}</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>
<AssumedRoleUser><AssumedRoleId>AROAEXAMPLE:PorticoApiGateway</AssumedRoleId>
<Arn>arn:aws:sts::123456789012:assumed-role/apigateway-orders/PorticoApiGateway</Arn></AssumedRoleUser></AssumeRoleResult>
<ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata></AssumeRoleResponse>`;

/** One local endpoint for every service: verifies the signature for the service the credential scope names. */
async function serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString('utf8');
  const auth = String(req.headers.authorization ?? '');
  const service = /Credential=[^/]+\/[^/]+\/[^/]+\/([^/]+)\//.exec(auth)?.[1] ?? '';
  const [rawPath = '', rawQuery = ''] = (req.url ?? '').split('?');
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
  let signedBy: string;
  try {
    signedBy = await verifySignature(
      { method: req.method ?? 'GET', rawPath, rawQuery, headers, body },
      async (accessKeyId, sessionToken) => {
        const key = secrets.get(accessKeyId);
        if (!key || key.token !== sessionToken) return null;
        return { secretAccessKey: key.secret, actor: accessKeyId };
      },
      new Date(),
      service,
    );
  } catch (error) {
    res.writeHead(403, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ __type: 'InvalidSignatureException', message: (error as Error).message }));
    return;
  }
  received.push({ service, method: req.method ?? '', url: req.url ?? '', headers: req.headers, body, signedBy });
  if (service === 'sts') {
    res.writeHead(200, { 'Content-Type': 'text/xml' });
    res.end(ASSUME_ROLE_ANSWER);
  } else if (body.includes('MessageBody=reject')) {
    res.writeHead(400, { 'Content-Type': 'application/json' });
    res.end('{"__type":"InvalidParameterValue","message":"rejected"}');
  } else {
    res.writeHead(200, { 'Content-Type': 'application/json', 'X-Service': service });
    res.end(JSON.stringify({ service, ok: true }));
  }
}

beforeAll(async () => {
  services = http.createServer((req, res) => void serve(req, res));
  await new Promise<void>((resolve) => services.listen(0, '127.0.0.1', resolve));
  process.env.AWS_ENDPOINT_URL = `http://127.0.0.1:${(services.address() as AddressInfo).port}`;
  process.env.AWS_ACCESS_KEY_ID = GATEWAY_KEY.id;
  process.env.AWS_SECRET_ACCESS_KEY = GATEWAY_KEY.secret;
  delete process.env.AWS_SESSION_TOKEN;
  forgetAwsCredentials();
  ({ gateway, url: gatewayUrl } = await startTestGateway());
});

afterAll(async () => {
  await gateway?.stop();
  await new Promise((resolve) => services?.close(resolve));
  for (const name of settings) {
    if (before[name] === undefined) delete process.env[name];
    else process.env[name] = before[name];
  }
  forgetAwsCredentials();
});

interface ServiceMethod {
  uri: string;
  credentials?: string;
  requestTemplate: string;
  contentType?: string;
}

/** `POST /send` integrated with the service: 200 passes the service's answer on, a 4xx from it becomes 400. */
function serviceApi(client: APIGatewayClient, spec: ServiceMethod): Promise<{ restApiId: string; resourceId: string }> {
  return createIntegratedApi(client, {
    name: 'AWS service',
    pathPart: 'send',
    httpMethod: 'POST',
    integration: {
      type: 'AWS',
      integrationHttpMethod: 'POST',
      uri: spec.uri,
      credentials: spec.credentials,
      requestParameters: spec.contentType
        ? { 'integration.request.header.Content-Type': `'${spec.contentType}'` }
        : undefined,
      requestTemplates: { 'application/json': spec.requestTemplate },
    },
    responses: [
      { statusCode: '200' },
      {
        statusCode: '400',
        selectionPattern: '4\\d{2}',
        responseTemplates: { 'application/json': '{"error": $input.json(\'$.message\')}' },
      },
    ],
  });
}

function post(restApiId: string, body: unknown): Promise<Response> {
  return eventually(
    () =>
      fetch(`${gatewayUrl}/${restApiId}/prod/send`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      }),
    (res) => res.status !== 403,
  );
}

const SQS_SEND = {
  uri: 'arn:aws:apigateway:us-east-1:sqs:path/123456789012/orders',
  contentType: 'application/x-www-form-urlencoded',
  requestTemplate: "Action=SendMessage&MessageBody=$util.urlEncode($input.path('$.text'))",
};

describe('AWS service integrations', () => {
  it('send the mapped request to the service’s path, signed with the gateway’s credentials, and map the answer', async () => {
    const { restApiId } = await serviceApi(clients.DEVELOPER, SQS_SEND);
    const res = await post(restApiId, { text: 'two pizzas & a salad' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ service: 'sqs', ok: true });
    const request = received.at(-1) as Received;
    expect(request).toMatchObject({
      service: 'sqs',
      method: 'POST',
      url: '/123456789012/orders',
      signedBy: GATEWAY_KEY.id,
    });
    expect(request.body).toBe('Action=SendMessage&MessageBody=two+pizzas+%26+a+salad');
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIAGATEWAYEXAMPLE\/\d{8}\/us-east-1\/sqs\/aws4_request/,
    );
    expect(request.headers['x-amz-security-token']).toBeUndefined();
  });

  it('select the integration response by the service’s status code', async () => {
    const { restApiId } = await serviceApi(clients.DEVELOPER, SQS_SEND);
    const res = await post(restApiId, { text: 'reject' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'rejected' });
  });

  it('call an action with `?Action=` and, for a JSON service, its X-Amz-Target', async () => {
    const { restApiId } = await serviceApi(clients.DEVELOPER, {
      uri: 'arn:aws:apigateway:eu-west-1:dynamodb:action/GetItem',
      contentType: 'application/x-amz-json-1.0',
      requestTemplate: '{"TableName": "orders", "Key": {"id": {"S": "$input.path(\'$.id\')"}}}',
    });
    const res = await post(restApiId, { id: 'o-17' });
    expect(res.status).toBe(200);
    const request = received.at(-1) as Received;
    expect(request).toMatchObject({ service: 'dynamodb', url: '/?Action=GetItem', signedBy: GATEWAY_KEY.id });
    expect(request.headers['x-amz-target']).toBe('DynamoDB_20120810.GetItem');
    expect(request.headers.authorization).toContain('/eu-west-1/dynamodb/aws4_request');
    expect(JSON.parse(request.body)).toEqual({ TableName: 'orders', Key: { id: { S: 'o-17' } } });
  });

  it('assume the integration’s role through STS and sign with the role’s temporary credentials', async () => {
    const { restApiId } = await serviceApi(clients.DEVELOPER, { ...SQS_SEND, credentials: ROLE_ARN });
    const stsCallsBefore = received.filter((r) => r.service === 'sts').length;
    for (const text of ['first', 'second']) {
      const res = await post(restApiId, { text });
      expect(res.status).toBe(200);
      const request = received.at(-1) as Received;
      expect(request).toMatchObject({ service: 'sqs', signedBy: ROLE_KEY.id });
      expect(request.headers['x-amz-security-token']).toBe(ROLE_KEY.token);
    }
    const assumed = received.filter((r) => r.service === 'sts');
    expect(assumed.length - stsCallsBefore).toBe(1); // kept until shortly before it expires
    const call = new URLSearchParams(assumed.at(-1)?.body);
    expect(call.get('Action')).toBe('AssumeRole');
    expect(call.get('RoleArn')).toBe(ROLE_ARN);
    expect(assumed.at(-1)?.signedBy).toBe(GATEWAY_KEY.id);
  });

  it('answer 500 when the credentials cannot be had, and log why without the signature', async () => {
    const { restApiId, resourceId } = await serviceApi(clients.DEVELOPER, {
      ...SQS_SEND,
      credentials: 'arn:aws:iam::*:user/*',
    });
    const res = await post(restApiId, { text: 'x' });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ message: 'Internal server error' });

    const { restApiId: signedApi, resourceId: signedResource } = await serviceApi(clients.DEVELOPER, SQS_SEND);
    const tested = await clients.DEVELOPER.send(
      new TestInvokeMethodCommand({
        restApiId: signedApi,
        resourceId: signedResource,
        httpMethod: 'POST',
        body: '{"text":"hi"}',
        headers: { 'Content-Type': 'application/json' },
      }),
    );
    expect(tested.status).toBe(200);
    expect(tested.log).toContain('Endpoint request URI: http://127.0.0.1:');
    expect(tested.log).toMatch(/"authorization":"\*\*\*\*[0-9a-f]{4}"/);
    expect(tested.log).not.toContain('Signature=');

    const failed = await clients.DEVELOPER.send(
      new TestInvokeMethodCommand({ restApiId, resourceId, httpMethod: 'POST', body: '{"text":"hi"}' }),
    );
    expect(failed.status).toBe(500);
    expect(failed.log).toContain(
      "Execution failed due to configuration error: Portico cannot pass a caller's own AWS credentials on",
    );
  });
});
