// AWS_PROXY integrations and Lambda authorizers at the gateway (§4, §5.3–5.6), over real HTTP: functions made with
// the real @aws-sdk/client-lambda, APIs with @aws-sdk/client-api-gateway, run by the gateway's function runtime.
import {
  type APIGatewayClient,
  CreateApiKeyCommand,
  CreateAuthorizerCommand,
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  CreateStageCommand,
  CreateUsagePlanCommand,
  CreateUsagePlanKeyCommand,
  FlushStageAuthorizersCacheCommand,
  GetAuthorizersCommand,
  GetResourcesCommand,
  GetStageCommand,
  PutGatewayResponseCommand,
  PutIntegrationCommand,
  PutMethodCommand,
  TestInvokeAuthorizerCommand,
  TestInvokeMethodCommand,
} from '@aws-sdk/client-api-gateway';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../testing/eventually';
import { createFunction, invocationUri } from '../testing/functions';
import { startTestGateway } from '../testing/gateway';
import { createIntegratedApi } from '../testing/integrated-api';
import { withTestFunctions } from '../testing/lambda-functions';
import { withManagementApi } from '../testing/management-api';
import { createMockApi } from '../testing/mock-api';
import { rawRequest } from '../testing/raw-request';
import type { RunningGateway } from './server';

const { api, clients } = withManagementApi(['DEVELOPER'] as const);
withTestFunctions(); // before the gateway starts: its runtime unpacks into the file's own folder
let gateway: RunningGateway;
let gatewayUrl = '';
let lambda: LambdaClient;

beforeAll(async () => {
  ({ gateway, url: gatewayUrl } = await startTestGateway());
  const { credentials } = await api().client('DEVELOPER');
  lambda = new LambdaClient({ endpoint: api().endpoint, region: 'us-east-1', credentials });
});

afterAll(async () => {
  await gateway?.stop();
  lambda?.destroy();
});

/** An API whose `/{proxy+}` ANY method integrates with the function (AWS_PROXY), deployed to `prod`. */
async function proxyApi(
  client: APIGatewayClient,
  uri: string,
  options: { binaryMediaTypes?: string[]; timeoutInMillis?: number; variables?: Record<string, string> } = {},
): Promise<string> {
  const created = await client.send(
    new CreateRestApiCommand({ name: 'Lambda proxy', binaryMediaTypes: options.binaryMediaTypes }),
  );
  const restApiId = created.id as string;
  const resource = await client.send(
    new CreateResourceCommand({ restApiId, parentId: created.rootResourceId, pathPart: '{proxy+}' }),
  );
  const method = { restApiId, resourceId: resource.id, httpMethod: 'ANY' };
  await client.send(new PutMethodCommand({ ...method, authorizationType: 'NONE' }));
  await client.send(
    new PutIntegrationCommand({
      ...method,
      type: 'AWS_PROXY',
      integrationHttpMethod: 'POST',
      uri,
      timeoutInMillis: options.timeoutInMillis,
    }),
  );
  await client.send(new CreateDeploymentCommand({ restApiId, stageName: 'prod', variables: options.variables }));
  return restApiId;
}

async function answer(res: Response): Promise<{ status: number; type: string | null; body: unknown }> {
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, type: res.headers.get('x-amzn-errortype'), body };
}

const BAD_GATEWAY = { status: 502, type: 'InternalServerErrorException', body: { message: 'Internal server error' } };

describe('AWS_PROXY integrations', () => {
  it('hand the function Lambda’s proxy event and send its answer as the response', async () => {
    const fn = await createFunction(
      lambda,
      'exports.handler = async (event, context) => ({ statusCode: "201", headers: { "X-Single": "one", "X-Both": "solo", "X-Flag": true }, multiValueHeaders: { "X-Both": ["multi"], "Set-Cookie": ["a=1", "b=2"] }, body: JSON.stringify({ event, env: process.env.STAGE_NAME, fn: context.functionName }) });',
      { environment: { STAGE_NAME: 'production' } },
    );
    const restApiId = await proxyApi(clients.DEVELOPER, invocationUri(fn.functionArn), {
      variables: { color: 'blue' },
    });
    const url = `${gatewayUrl}/${restApiId}/prod/items/42?tag=a&tag=b&single=x`;
    const res = await eventually(
      () =>
        fetch(url, {
          method: 'POST',
          body: '{"n":1}',
          headers: { 'Content-Type': 'application/json', 'X-Custom': 'c' },
        }),
      (r) => r.status === 201,
    );
    expect(res.status).toBe(201); // a numeric string is a status code
    expect(res.headers.get('x-single')).toBe('one');
    expect(res.headers.get('x-flag')).toBe('true');
    expect(res.headers.get('x-both')).toBe('multi, solo'); // AWS's quirk: both maps' values, one header
    expect(res.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(res.headers.get('content-type')).toBe('application/json'); // AWS's default
    expect(res.headers.get('x-amzn-trace-id')).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Sampled=0$/);
    const {
      event,
      env,
      fn: name,
    } = (await res.json()) as {
      event: { headers: Record<string, string>; requestContext: Record<string, unknown> };
      env: string;
      fn: string;
    };
    expect(env).toBe('production');
    expect(name).toBe(fn.functionName);
    expect(event).toMatchObject({
      resource: '/{proxy+}',
      path: '/items/42',
      httpMethod: 'POST',
      queryStringParameters: { tag: 'b', single: 'x' },
      multiValueQueryStringParameters: { tag: ['a', 'b'], single: ['x'] },
      pathParameters: { proxy: 'items/42' },
      stageVariables: { color: 'blue' },
      body: '{"n":1}',
      isBase64Encoded: false,
    });
    expect(event.headers['X-Custom'] ?? event.headers['x-custom']).toBe('c');
    expect(event.headers).not.toHaveProperty('content-length');
    expect(event.requestContext).toMatchObject({
      accountId: '123456789012',
      apiId: restApiId,
      httpMethod: 'POST',
      path: '/prod/items/42',
      resourcePath: '/{proxy+}',
      stage: 'prod',
      protocol: 'HTTP/1.1',
      identity: { sourceIp: '127.0.0.1' },
    });
    expect(event.requestContext.requestId).toBe(res.headers.get('x-amzn-requestid'));
  });

  it('answer AWS’s 502 for a function that fails or answers what is no proxy response, 504 past the timeout, 500 for no function', async () => {
    const fn = await createFunction(
      lambda,
      `exports.handler = async (event) => {
        switch (event.pathParameters.proxy) {
          case 'throws': throw new Error('boom');
          case 'extra-key': return { statusCode: 200, body: '', extra: 1 };
          case 'string': return 'just text';
          case 'bad-status': return { statusCode: 'teapot' };
          case 'bad-multi': return { multiValueHeaders: { 'X-A': 'not a list' } };
          case 'object-body': return { body: { a: 1 } };
          case 'slow': await new Promise((r) => setTimeout(r, 1500)); return { statusCode: 200 };
          case 'huge': return { statusCode: 200, body: 'x'.repeat(7 * 1024 * 1024) };
          default: return {};
        }
      };`,
    );
    const restApiId = await proxyApi(clients.DEVELOPER, invocationUri(fn.functionArn), { timeoutInMillis: 500 });
    const call = (path: string) => fetch(`${gatewayUrl}/${restApiId}/prod/${path}`);
    const empty = await eventually(
      () => call('empty'),
      (r) => r.status === 200,
    );
    expect({ status: empty.status, body: await empty.text() }).toEqual({ status: 200, body: '' }); // {} is a 200, no body
    for (const path of ['throws', 'extra-key', 'string', 'bad-status', 'bad-multi', 'object-body', 'huge']) {
      expect({ path, ...(await answer(await call(path))) }).toEqual({ path, ...BAD_GATEWAY });
    }
    // An event over Lambda's 6 MB: AWS's 413 before any call.
    const tooLong = await fetch(`${gatewayUrl}/${restApiId}/prod/big`, {
      method: 'POST',
      body: 'x'.repeat(7 * 1024 * 1024),
    });
    expect(await answer(tooLong)).toEqual({
      status: 413,
      type: 'BadRequestException',
      body: { message: 'Request Too Long' },
    });
    expect(await answer(await call('slow'))).toEqual({
      status: 504,
      type: 'InternalServerErrorException',
      body: { message: 'Endpoint request timed out' },
    });

    const missing = await proxyApi(
      clients.DEVELOPER,
      invocationUri('arn:aws:lambda:us-east-1:123456789012:function:no-such-function'),
    );
    const none = await eventually(
      () => fetch(`${gatewayUrl}/${missing}/prod/x`),
      (r) => r.status !== 403,
    );
    expect(await answer(none)).toEqual({
      status: 500,
      type: 'InternalServerErrorException',
      body: { message: 'Internal server error' },
    });
  });

  it('let DEFAULT_5XX customise the 502, decode base64 bodies only for a binary Accept, and follow aliases named by stage variables', async () => {
    const fn = await createFunction(
      lambda,
      'exports.handler = async (event) => event.path === "/fail" ? { statusCode: "x" } : ({ statusCode: 200, headers: { "Content-Type": "image/png" }, body: Buffer.from("PNG!").toString("base64"), isBase64Encoded: true });',
      { alias: 'live' },
    );
    const restApiId = await proxyApi(clients.DEVELOPER, invocationUri(`${fn.functionArn}:\${stageVariables.alias}`), {
      binaryMediaTypes: ['image/png'],
      variables: { alias: 'live' },
    });
    await clients.DEVELOPER.send(
      new PutGatewayResponseCommand({
        restApiId,
        responseType: 'DEFAULT_5XX',
        responseParameters: { 'gatewayresponse.header.Access-Control-Allow-Origin': "'*'" },
      }),
    );
    await clients.DEVELOPER.send(
      new CreateDeploymentCommand({ restApiId, stageName: 'prod', variables: { alias: 'live' } }),
    );
    const url = `${gatewayUrl}/${restApiId}/prod`;
    const binary = await eventually(
      () => fetch(`${url}/image`, { headers: { Accept: 'image/png' } }),
      (r) => r.status === 200,
    );
    expect(Buffer.from(await binary.arrayBuffer()).toString()).toBe('PNG!');
    const text = await fetch(`${url}/image`, { headers: { Accept: 'application/json' } });
    expect(await text.text()).toBe(Buffer.from('PNG!').toString('base64')); // AWS's quirk: not decoded
    const failed = await eventually(
      () => fetch(`${url}/fail`),
      (r) => r.headers.get('access-control-allow-origin') === '*',
    );
    expect(failed.status).toBe(502);
  });
});

describe('AWS (Lambda) integrations without proxy', () => {
  it('send the mapped body as the event, map the answer, and select error responses by the error message', async () => {
    const fn = await createFunction(
      lambda,
      'exports.handler = async (event) => { if (event.name === "ghost") throw new Error("Not found: " + event.name); if (event.name === "crash") throw new Error("boom"); return { message: "hello " + event.name }; };',
    );
    const { restApiId } = await createIntegratedApi(clients.DEVELOPER, {
      name: 'Lambda, no proxy',
      pathPart: '{name}',
      httpMethod: 'GET',
      integration: {
        type: 'AWS',
        integrationHttpMethod: 'POST',
        uri: invocationUri(fn.functionArn),
        requestTemplates: { 'application/json': '{"name": "$input.params(\'name\')"}' },
      },
      responses: [
        { statusCode: '200', responseTemplates: { 'application/json': '{"greeting": $input.json(\'$.message\')}' } },
        {
          statusCode: '404',
          selectionPattern: 'Not found:.*',
          responseTemplates: { 'application/json': '{"error": "$input.path(\'$.errorMessage\')"}' },
        },
      ],
    });
    const call = (name: string) => fetch(`${gatewayUrl}/${restApiId}/prod/${name}`);
    const ok = await eventually(
      () => call('ana'),
      (r) => r.status === 200,
    );
    expect(await answer(ok)).toEqual({ status: 200, type: null, body: { greeting: 'hello ana' } });
    expect(await answer(await call('ghost'))).toEqual({ status: 404, type: null, body: { error: 'Not found: ghost' } });
    // An error no pattern selects takes the default response, with the error object as the payload.
    expect(await answer(await call('crash'))).toEqual({ status: 200, type: null, body: { greeting: '' } });
  });
});

const AUTHORIZER_SOURCE = `
let calls = 0;
const policy = (effect, resource) => ({ Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: effect, Resource: resource }] });
exports.handler = async (event) => {
  calls += 1;
  const token = event.type === 'TOKEN' ? event.authorizationToken : event.headers['X-Token'] + '/' + event.queryStringParameters.user;
  const [, region, account, rest] = /^arn:aws:execute-api:([^:]+):([^:]+):(.+)$/.exec(event.methodArn);
  const [apiId, stage] = rest.split('/');
  const everything = 'arn:aws:execute-api:' + region + ':' + account + ':' + apiId + '/' + stage + '/*';
  switch (token) {
    case 'unauthorized': throw new Error('Unauthorized');
    case 'broken': throw new Error('boom');
    case 'garbage': return { principalId: 'x' };
    case 'deny': return { principalId: 'u', policyDocument: policy('Deny', everything) };
    case 'elsewhere': return { principalId: 'u', policyDocument: policy('Allow', everything.replace('/*', '/GET/elsewhere')) };
    case 'narrow': return { principalId: 'u', policyDocument: policy('Allow', event.methodArn) };
    default: return { principalId: 'user-' + token, policyDocument: policy('Allow', everything), context: { calls, type: event.type, ok: true }, usageIdentifierKey: token.startsWith('key-') ? token : undefined };
  }
};`;

/** `GET /a` and `GET /b`, each a MOCK answering `$context.authorizer`, behind a Lambda authorizer of the function. */
async function authorizedApi(
  client: APIGatewayClient,
  authorizer: { type: 'TOKEN' | 'REQUEST'; identitySource: string; ttl: number; uri: string },
  options: { apiKeyFromAuthorizer?: boolean } = {},
): Promise<string> {
  const responseTemplate =
    '{"principalId": "$context.authorizer.principalId", "calls": "$context.authorizer.calls", "type": "$context.authorizer.type", "ok": "$context.authorizer.ok"}';
  const { restApiId } = await createMockApi(
    client,
    ['a', 'b'].map((name) => ({
      name,
      responseTemplate,
      authorizationType: 'CUSTOM',
      authorizerId: '#0',
      apiKeyRequired: options.apiKeyFromAuthorizer,
    })),
    {
      apiKeySource: options.apiKeyFromAuthorizer ? 'AUTHORIZER' : undefined,
      authorizers: [
        {
          name: 'auth',
          type: authorizer.type,
          authorizerUri: authorizer.uri,
          identitySource: authorizer.identitySource,
          authorizerResultTtlInSeconds: authorizer.ttl,
          identityValidationExpression: authorizer.type === 'TOKEN' ? '[a-z/-]+' : undefined,
        },
      ],
    },
  );
  return restApiId;
}

describe('Lambda authorizers', () => {
  it('TOKEN: call the function with the token, cache its policy per token, and answer AWS’s refusals', async () => {
    const fn = await createFunction(lambda, AUTHORIZER_SOURCE);
    const restApiId = await authorizedApi(clients.DEVELOPER, {
      type: 'TOKEN',
      identitySource: 'method.request.header.Authorization',
      ttl: 300,
      uri: invocationUri(fn.functionArn),
    });
    const call = (path: string, token?: string) =>
      fetch(`${gatewayUrl}/${restApiId}/prod/${path}`, {
        headers: token === undefined ? {} : { Authorization: token },
      });

    const ok = await eventually(
      () => call('a', 'alice'),
      (r) => r.status === 200,
    );
    expect(await answer(ok)).toEqual({
      status: 200,
      type: null,
      body: { principalId: 'user-alice', calls: '1', type: 'TOKEN', ok: 'true' },
    });
    // Cached for the token: the function is not called again (its call count stays), on this path or another.
    expect((await answer(await call('b', 'alice'))).body).toMatchObject({ calls: '1' });
    expect((await answer(await call('a', 'bob'))).body).toMatchObject({ principalId: 'user-bob', calls: '2' });
    // A new deployment starts with an empty cache: the function is called again for the same token.
    await clients.DEVELOPER.send(new CreateDeploymentCommand({ restApiId, stageName: 'prod' }));
    const fresh = await eventually(
      () => call('a', 'alice'),
      async (r) => (await r.clone().json()).calls === '3',
    );
    expect((await answer(fresh)).body).toMatchObject({ principalId: 'user-alice', calls: '3' });
    // Each stage has its own cache, even on the same deployment (its authorizer may differ by stage variables)…
    const { deploymentId } = await clients.DEVELOPER.send(new GetStageCommand({ restApiId, stageName: 'prod' }));
    await clients.DEVELOPER.send(new CreateStageCommand({ restApiId, stageName: 'dev', deploymentId }));
    const dev = await eventually(
      () => fetch(`${gatewayUrl}/${restApiId}/dev/a`, { headers: { Authorization: 'alice' } }),
      (r) => r.status === 200,
    );
    expect((await answer(dev)).body).toMatchObject({ calls: '4' });
    expect((await answer(await call('a', 'alice'))).body).toMatchObject({ calls: '3' });
    // …and FlushStageAuthorizersCache empties it.
    await clients.DEVELOPER.send(new FlushStageAuthorizersCacheCommand({ restApiId, stageName: 'prod' }));
    const flushed = await eventually(
      () => call('a', 'alice'),
      async (r) => (await r.clone().json()).calls !== '3',
    );
    expect((await answer(flushed)).body).toMatchObject({ calls: '5' });

    const unauthorized = { status: 401, type: 'UnauthorizedException', body: { message: 'Unauthorized' } };
    expect(await answer(await call('a'))).toEqual(unauthorized); // no token
    expect(await answer(await call('a', 'NOT VALID'))).toEqual(unauthorized); // fails identityValidationExpression
    expect(await answer(await call('a', 'unauthorized'))).toEqual(unauthorized); // the function says so
    // two tokens: neither is judged (the backend might read the other one)
    const twice = await rawRequest(gatewayUrl, [
      `GET /${restApiId}/prod/a HTTP/1.1`,
      'Host: localhost',
      'Authorization: mallory',
      'Authorization: alice',
    ]);
    expect([twice.status, JSON.parse(twice.body)]).toEqual([401, { message: 'Unauthorized' }]);
    const configuration = { status: 500, type: 'AuthorizerConfigurationException', body: { message: null } };
    expect(await answer(await call('a', 'broken'))).toEqual(configuration);
    expect(await answer(await call('a', 'garbage'))).toEqual(configuration);
    expect(await answer(await call('a', 'deny'))).toEqual({
      status: 403,
      type: 'AccessDeniedException',
      body: { Message: 'User is not authorized to access this resource with an explicit deny' },
    });
    expect(await answer(await call('a', 'elsewhere'))).toEqual({
      status: 403,
      type: 'AccessDeniedException',
      body: { Message: 'User is not authorized to access this resource' },
    });
    // AWS's quirk, named: a policy cached for one method ARN refuses the next path the same token calls.
    expect((await call('a', 'narrow')).status).toBe(200);
    expect((await call('b', 'narrow')).status).toBe(403);
  });

  it('REQUEST: identity from a header and a query string, missing sources refused without a call; no function: 500', async () => {
    const fn = await createFunction(lambda, AUTHORIZER_SOURCE);
    const restApiId = await authorizedApi(clients.DEVELOPER, {
      type: 'REQUEST',
      identitySource: 'method.request.header.X-Token, method.request.querystring.user',
      ttl: 60,
      uri: invocationUri(fn.functionArn),
    });
    const url = `${gatewayUrl}/${restApiId}/prod/a`;
    const ok = await eventually(
      () => fetch(`${url}?user=carol`, { headers: { 'X-Token': 'ok' } }),
      (r) => r.status === 200,
    );
    expect(await answer(ok)).toMatchObject({ status: 200, body: { principalId: 'user-ok/carol', type: 'REQUEST' } });
    expect((await fetch(url, { headers: { 'X-Token': 'ok' } })).status).toBe(401); // no user: no call
    expect((await fetch(`${url}?user=carol`)).status).toBe(401);

    // A function the authorizer's URI does not name: AUTHORIZER_CONFIGURATION_ERROR.
    const missing = await authorizedApi(clients.DEVELOPER, {
      type: 'TOKEN',
      identitySource: 'method.request.header.Authorization',
      ttl: 0,
      uri: invocationUri('arn:aws:lambda:us-east-1:123456789012:function:no-such-authorizer'),
    });
    const none = await eventually(
      () => fetch(`${gatewayUrl}/${missing}/prod/a`, { headers: { Authorization: 'alice' } }),
      (r) => r.status !== 403,
    );
    expect(await answer(none)).toEqual({
      status: 500,
      type: 'AuthorizerConfigurationException',
      body: { message: null },
    });
  });
});

describe('a Lambda authorizer in front of an AWS_PROXY method', () => {
  it('hands the function the authorizer’s principal and context in requestContext.authorizer', async () => {
    const client = clients.DEVELOPER;
    const authFn = await createFunction(lambda, AUTHORIZER_SOURCE);
    const proxyFn = await createFunction(
      lambda,
      'exports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify(event.requestContext.authorizer) });',
    );
    const created = await client.send(new CreateRestApiCommand({ name: 'Authorized proxy' }));
    const restApiId = created.id as string;
    const { id: authorizerId } = await client.send(
      new CreateAuthorizerCommand({
        restApiId,
        name: 'auth',
        type: 'TOKEN',
        authorizerUri: invocationUri(authFn.functionArn),
        identitySource: 'method.request.header.Authorization',
      }),
    );
    const resource = await client.send(
      new CreateResourceCommand({ restApiId, parentId: created.rootResourceId, pathPart: 'me' }),
    );
    const method = { restApiId, resourceId: resource.id, httpMethod: 'GET' };
    await client.send(new PutMethodCommand({ ...method, authorizationType: 'CUSTOM', authorizerId }));
    await client.send(
      new PutIntegrationCommand({
        ...method,
        type: 'AWS_PROXY',
        integrationHttpMethod: 'POST',
        uri: invocationUri(proxyFn.functionArn),
      }),
    );
    await client.send(new CreateDeploymentCommand({ restApiId, stageName: 'prod' }));
    const res = await eventually(
      () => fetch(`${gatewayUrl}/${restApiId}/prod/me`, { headers: { Authorization: 'erin' } }),
      (r) => r.status === 200,
    );
    const authorizer = await res.json();
    // AWS's quirk, named: the context's numbers and booleans arrive as strings
    expect(authorizer).toMatchObject({ principalId: 'user-erin', type: 'TOKEN', ok: 'true', calls: '1' });
    expect(typeof authorizer.integrationLatency).toBe('number');
  });
});

describe('API keys from a Lambda authorizer', () => {
  it('open apiKeyRequired methods with the usageIdentifierKey the authorizer names (apiKeySource AUTHORIZER)', async () => {
    const client = clients.DEVELOPER;
    const fn = await createFunction(lambda, AUTHORIZER_SOURCE);
    const restApiId = await authorizedApi(
      client,
      {
        type: 'TOKEN',
        identitySource: 'method.request.header.Authorization',
        ttl: 0,
        uri: invocationUri(fn.functionArn),
      },
      { apiKeyFromAuthorizer: true },
    );
    const value = `key-${'abcdefghijklmnopqrstuvwxyz'.slice(0, 22)}`;
    const key = await client.send(new CreateApiKeyCommand({ name: 'from-authorizer', enabled: true, value }));
    const plan = await client.send(
      new CreateUsagePlanCommand({ name: 'authorizer keys', apiStages: [{ apiId: restApiId, stage: 'prod' }] }),
    );
    await client.send(new CreateUsagePlanKeyCommand({ usagePlanId: plan.id, keyId: key.id, keyType: 'API_KEY' }));
    const url = `${gatewayUrl}/${restApiId}/prod/a`;
    const ok = await eventually(
      () => fetch(url, { headers: { Authorization: value } }),
      (r) => r.status === 200,
    );
    expect(ok.status).toBe(200);
    // The authorizer allows, but names no key: INVALID_API_KEY (an x-api-key header does not count here).
    const refused = await fetch(url, { headers: { Authorization: 'alice', 'x-api-key': value } });
    expect(await answer(refused)).toEqual({ status: 403, type: 'ForbiddenException', body: { message: 'Forbidden' } });
  });
});

describe('TestInvokeMethod and TestInvokeAuthorizer', () => {
  it('run the functions of the current definition: an AWS_PROXY method, a Lambda authorizer', async () => {
    const client = clients.DEVELOPER;
    const proxyFn = await createFunction(
      lambda,
      'exports.handler = async (e) => ({ statusCode: 202, body: "hi " + e.path });',
    );
    const restApiId = await proxyApi(client, invocationUri(proxyFn.functionArn));
    const resources = await client.send(new GetResourcesCommand({ restApiId }));
    const resourceId = resources.items?.find((r) => r.path === '/{proxy+}')?.id;
    const invoked = await client.send(
      new TestInvokeMethodCommand({ restApiId, resourceId, httpMethod: 'ANY', pathWithQueryString: '/x/y' }),
    );
    expect({ status: invoked.status, body: invoked.body }).toEqual({ status: 202, body: 'hi /x/y' });
    expect(invoked.log).toContain('Endpoint response body before transformations');

    const authFn = await createFunction(lambda, AUTHORIZER_SOURCE);
    const guarded = await authorizedApi(client, {
      type: 'TOKEN',
      identitySource: 'method.request.header.Authorization',
      ttl: 300,
      uri: invocationUri(authFn.functionArn),
    });
    const authorizers = await client.send(new GetAuthorizersCommand({ restApiId: guarded }));
    const authorizerId = authorizers.items?.[0]?.id;
    const allowed = await client.send(
      new TestInvokeAuthorizerCommand({ restApiId: guarded, authorizerId, headers: { Authorization: 'dana' } }),
    );
    expect(allowed.clientStatus).toBe(200);
    expect(allowed.principalId).toBe('user-dana');
    expect(JSON.parse(allowed.policy ?? '{}')).toMatchObject({ Statement: [{ Effect: 'Allow' }] });
    const denied = await client.send(
      new TestInvokeAuthorizerCommand({ restApiId: guarded, authorizerId, headers: { Authorization: 'deny' } }),
    );
    expect(denied.clientStatus).toBe(403);
    const refused = await client.send(
      new TestInvokeAuthorizerCommand({ restApiId: guarded, authorizerId, headers: { Authorization: 'unauthorized' } }),
    );
    expect(refused.clientStatus).toBe(401);
  });
});
