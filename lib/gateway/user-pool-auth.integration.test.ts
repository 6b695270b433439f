// COGNITO_USER_POOLS methods at the gateway (§5.7), over real HTTP: APIs made through the AWS SDK, tokens signed
// with real RSA keys, and a local identity provider serving each pool's key set at `{endpoint}/{poolId}` — the
// gateway is pointed at it by PORTICO_COGNITO_IDP_ENDPOINT, as it would be at a Cognito emulator.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CreateDeploymentCommand,
  PutGatewayResponseCommand,
  TestInvokeAuthorizerCommand,
  UpdateAuthorizerCommand,
  UpdateRestApiCommand,
} from '@aws-sdk/client-api-gateway';
import { type CryptoKey, exportJWK, generateKeyPair, type JWK, type JWTPayload, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../testing/eventually';
import { startTestGateway } from '../testing/gateway';
import { withManagementApi } from '../testing/management-api';
import { createMockApi } from '../testing/mock-api';
import type { RunningGateway } from './server';

const { clients } = withManagementApi(['DEVELOPER'] as const);
let gateway: RunningGateway;
let gatewayUrl = '';
let idp: http.Server;
let idpUrl = '';
const endpointBefore = process.env.PORTICO_COGNITO_IDP_ENDPOINT;

interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  jwk: JWK;
}

/** What the identity provider answers for each pool's key set: keys, an HTTP status, or a body that is no key set. */
const pools = new Map<string, { keys: SigningKey[] } | { status: number } | { body: string }>();
const keySetFetches: string[] = [];

async function signingKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

beforeAll(async () => {
  idp = http.createServer((req, res) => {
    const poolId = /^\/([\w-]+)\/\.well-known\/jwks\.json$/.exec(req.url ?? '')?.[1];
    const pool = poolId ? pools.get(poolId) : undefined;
    if (poolId) keySetFetches.push(poolId);
    if (!pool || 'status' in pool) {
      res.writeHead(pool?.status ?? 404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end('body' in pool ? pool.body : JSON.stringify({ keys: pool.keys.map((k) => k.jwk) }));
  });
  await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
  idpUrl = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
  process.env.PORTICO_COGNITO_IDP_ENDPOINT = idpUrl;
  ({ gateway, url: gatewayUrl } = await startTestGateway());
});

afterAll(async () => {
  await gateway?.stop();
  idp?.close();
  idp?.closeAllConnections();
  if (endpointBefore === undefined) delete process.env.PORTICO_COGNITO_IDP_ENDPOINT;
  else process.env.PORTICO_COGNITO_IDP_ENDPOINT = endpointBefore;
});

let poolCount = 0;
/** A new pool at the identity provider, with one signing key. */
async function newPool(): Promise<{ poolId: string; arn: string; key: SigningKey }> {
  poolCount += 1;
  const poolId = `us-east-1_Pool${poolCount}${Date.now().toString(36)}`;
  const key = await signingKey(`${poolId}-k1`);
  pools.set(poolId, { keys: [key] });
  return { poolId, arn: `arn:aws:cognito-idp:us-east-1:123456789012:userpool/${poolId}`, key };
}

const HOUR = 3600;
const now = () => Math.floor(Date.now() / 1000);

async function token(
  poolId: string,
  key: SigningKey,
  claims: JWTPayload,
  times: { iat?: number; exp?: number } = {},
): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: key.kid })
    .setIssuer(`${idpUrl}/${poolId}`)
    .setIssuedAt(times.iat ?? now())
    .setExpirationTime(times.exp ?? now() + HOUR)
    .sign(key.privateKey);
}

const idClaims = (audience = 'client-a'): JWTPayload => ({
  sub: 'u-1',
  aud: audience,
  token_use: 'id',
  email: 'ana@example.com',
  email_verified: true,
  'cognito:groups': ['admin', 'dev'],
  auth_time: 1680629979,
});

const accessClaims = (scope: string): JWTPayload => ({
  sub: 'u-1',
  client_id: 'client-a',
  token_use: 'access',
  scope,
});

const profileTemplate =
  '{"sub": "$context.authorizer.claims.sub", "email": "$context.authorizer.claims.email", "verified": "$context.authorizer.claims.email_verified", "groups": "$context.authorizer.claims[\'cognito:groups\']", "authTime": "$context.authorizer.claims.auth_time", "iat": "$context.authorizer.claims.iat", "exp": "$context.authorizer.claims.exp"}';

async function answer(res: Response): Promise<{ status: number; type: string | null; body: unknown }> {
  return { status: res.status, type: res.headers.get('x-amzn-errortype'), body: await res.json() };
}

const UNAUTHORIZED = { status: 401, type: 'UnauthorizedException', body: { message: 'Unauthorized' } };

async function userPoolApi(arns: string[], identityValidationExpression?: string) {
  return createMockApi(
    clients.DEVELOPER,
    [
      {
        name: 'profile',
        responseTemplate: profileTemplate,
        authorizationType: 'COGNITO_USER_POOLS',
        authorizerId: '#0',
      },
      {
        name: 'orders',
        responseTemplate: '{"scope": "$context.authorizer.claims.scope"}',
        authorizationType: 'COGNITO_USER_POOLS',
        authorizerId: '#0',
        authorizationScopes: ['orders/read', 'orders/admin'],
      },
    ],
    {
      authorizers: [
        {
          name: 'pool',
          type: 'COGNITO_USER_POOLS',
          providerARNs: arns,
          identitySource: 'method.request.header.Authorization',
          identityValidationExpression,
        },
      ],
    },
  );
}

describe('COGNITO_USER_POOLS methods', () => {
  it('admit an ID token of the pool and hand its claims on as AWS formats them; refuse everything else with 401', async () => {
    const { poolId, arn, key } = await newPool();
    const { restApiId } = await userPoolApi([arn]);
    const url = `${gatewayUrl}/${restApiId}/prod/profile`;
    const call = (authorization?: string) =>
      fetch(url, { headers: authorization === undefined ? {} : { Authorization: authorization } });

    const idToken = await token(poolId, key, idClaims(), { iat: 1680629979, exp: 4102444800 });
    const ok = await eventually(
      () => call(idToken),
      (res) => res.status === 200,
    );
    // AWS's quirks, named: exp and iat as Java dates, auth_time as digits, arrays joined with commas, booleans as text.
    expect(await answer(ok)).toEqual({
      status: 200,
      type: null,
      body: {
        sub: 'u-1',
        email: 'ana@example.com',
        verified: 'true',
        groups: 'admin,dev',
        authTime: '1680629979',
        iat: 'Tue Apr 04 17:39:39 UTC 2023',
        exp: 'Fri Jan 01 00:00:00 UTC 2100',
      },
    });
    expect((await call(`Bearer ${idToken}`)).status).toBe(200);

    // No token, an empty one, one that is no JWT: 401 before any key is looked at.
    expect(await answer(await call())).toEqual(UNAUTHORIZED);
    expect(await answer(await call(''))).toEqual(UNAUTHORIZED);
    expect(await answer(await call('not-a-jwt'))).toEqual(UNAUTHORIZED);
    // Signed by a key the pool does not publish (same key id), or issued by another pool.
    const forger = await signingKey(key.kid);
    expect(await answer(await call(await token(poolId, forger, idClaims())))).toEqual(UNAUTHORIZED);
    const other = await newPool();
    expect(await answer(await call(await token(other.poolId, other.key, idClaims())))).toEqual(UNAUTHORIZED);
    // An access token where no scope is required: AWS expects the ID token there.
    expect(await answer(await call(await token(poolId, key, accessClaims('orders/read'))))).toEqual(UNAUTHORIZED);
    // Expired: still 401, with AWS's own message.
    const expired = await token(poolId, key, idClaims(), { iat: now() - 2 * HOUR, exp: now() - HOUR });
    expect(await answer(await call(expired))).toEqual({
      status: 401,
      type: 'UnauthorizedException',
      body: { message: 'The incoming token has expired' },
    });
  });

  it('a method with authorization scopes takes an access token holding one of them', async () => {
    const { poolId, arn, key } = await newPool();
    const { restApiId } = await userPoolApi([arn]);
    const url = `${gatewayUrl}/${restApiId}/prod/orders`;
    const call = async (claims: JWTPayload) =>
      fetch(url, { headers: { Authorization: await token(poolId, key, claims) } });

    const ok = await eventually(
      () => call(accessClaims('openid orders/admin')),
      (res) => res.status === 200,
    );
    expect(await answer(ok)).toEqual({ status: 200, type: null, body: { scope: 'openid orders/admin' } });
    expect(await answer(await call(accessClaims('orders/write')))).toEqual(UNAUTHORIZED);
    expect(await answer(await call(idClaims()))).toEqual(UNAUTHORIZED); // scopes need the access token
  });

  it('matches identityValidationExpression against the ID token’s aud, and trusts every pool it lists', async () => {
    const first = await newPool();
    const second = await newPool();
    const { restApiId, authorizerIds } = await userPoolApi([first.arn, second.arn], 'client-(a|b)');
    const url = `${gatewayUrl}/${restApiId}/prod/profile`;
    const call = async (pool: typeof first, audience: string) =>
      fetch(url, { headers: { Authorization: await token(pool.poolId, pool.key, idClaims(audience)) } });

    expect(
      (
        await eventually(
          () => call(first, 'client-a'),
          (res) => res.status === 200,
        )
      ).status,
    ).toBe(200);
    expect((await call(second, 'client-b')).status).toBe(200);
    expect(await answer(await call(first, 'client-c'))).toEqual(UNAUTHORIZED);
    expect(await answer(await call(first, 'client-ab'))).toEqual(UNAUTHORIZED); // the whole aud must match

    // The expression changed: it takes effect with the next deployment, as every authorizer change in AWS.
    await clients.DEVELOPER.send(
      new UpdateAuthorizerCommand({
        restApiId,
        authorizerId: authorizerIds[0],
        patchOperations: [{ op: 'replace', path: '/identityValidationExpression', value: 'client-c' }],
      }),
    );
    expect((await call(first, 'client-a')).status).toBe(200);
    await clients.DEVELOPER.send(new CreateDeploymentCommand({ restApiId, stageName: 'prod' }));
    const refused = await eventually(
      () => call(first, 'client-a'),
      (res) => res.status === 401,
    );
    expect(await answer(refused)).toEqual(UNAUTHORIZED);
    expect((await call(first, 'client-c')).status).toBe(200);
  });

  it('follows a pool’s key rotation, keeps its keys while it is unreachable, and says when it cannot get them', async () => {
    const { poolId, arn, key } = await newPool();
    const { restApiId } = await userPoolApi([arn]);
    const url = `${gatewayUrl}/${restApiId}/prod/profile`;
    const call = async (signing: SigningKey) =>
      fetch(url, { headers: { Authorization: await token(poolId, signing, idClaims()) } });

    expect(
      (
        await eventually(
          () => call(key),
          (res) => res.status === 200,
        )
      ).status,
    ).toBe(200);
    // The keys were fetched when the stage was loaded, not per request.
    const fetchesBefore = keySetFetches.filter((id) => id === poolId).length;
    for (let i = 0; i < 5; i += 1) expect((await call(key)).status).toBe(200);
    expect(keySetFetches.filter((id) => id === poolId).length).toBe(fetchesBefore);

    // A new key: a token naming it makes the gateway fetch the key set again.
    const rotated = await signingKey(`${poolId}-k2`);
    pools.set(poolId, { keys: [key, rotated] });
    expect((await call(rotated)).status).toBe(200);

    // The pool goes away: the keys held go on serving.
    pools.set(poolId, { status: 503 });
    expect((await call(key)).status).toBe(200);

    // A pool never reached: AUTHORIZER_CONFIGURATION_ERROR; one that answers with no key set: AUTHORIZER_FAILURE.
    const down = await newPool();
    pools.set(down.poolId, { status: 503 });
    const downApi = await userPoolApi([down.arn]);
    const downUrl = `${gatewayUrl}/${downApi.restApiId}/prod/profile`;
    const callDown = async () =>
      fetch(downUrl, { headers: { Authorization: await token(down.poolId, down.key, idClaims()) } });
    const failed = await eventually(callDown, (res) => res.status === 500);
    expect(await answer(failed)).toEqual({
      status: 500,
      type: 'AuthorizerConfigurationException',
      body: { message: null },
    });
    pools.set(down.poolId, { body: '{"keys": "none"}' });
    const broken = await eventually(
      callDown,
      (res) => res.headers.get('x-amzn-errortype') === 'AuthorizerFailureException',
      3000,
    );
    expect(await answer(broken)).toEqual({ status: 500, type: 'AuthorizerFailureException', body: { message: null } });
    // It comes back: the next request after a second fetches the keys again.
    pools.set(down.poolId, { keys: [down.key] });
    expect((await eventually(callDown, (res) => res.status === 200, 3000)).status).toBe(200);
  });

  it('renders a customised UNAUTHORIZED response with the refusal’s message, and refuses Lambda authorizers it cannot invoke', async () => {
    const { poolId, arn, key } = await newPool();
    const { restApiId } = await userPoolApi([arn]);
    await clients.DEVELOPER.send(
      new PutGatewayResponseCommand({
        restApiId,
        responseType: 'UNAUTHORIZED',
        statusCode: '401',
        responseParameters: { 'gatewayresponse.header.WWW-Authenticate': "'Bearer'" },
        responseTemplates: {
          'application/json': '{"error": "$context.error.message", "type": "$context.error.responseType"}',
        },
      }),
    );
    await clients.DEVELOPER.send(new CreateDeploymentCommand({ restApiId, stageName: 'prod' }));
    const url = `${gatewayUrl}/${restApiId}/prod/profile`;
    const expired = await token(poolId, key, idClaims(), { iat: now() - 2 * HOUR, exp: now() - HOUR });
    const res = await eventually(
      () => fetch(url, { headers: { Authorization: expired } }),
      (r) => r.headers.get('www-authenticate') === 'Bearer',
    );
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'The incoming token has expired', type: 'UNAUTHORIZED' });

    // A TOKEN (Lambda) authorizer: Portico cannot invoke functions yet, so the method answers AWS's 500 for an
    // authorizer it cannot reach instead of being served unprotected.
    const lambda = await createMockApi(
      clients.DEVELOPER,
      [{ name: 'guarded', responseTemplate: '{}', authorizationType: 'CUSTOM', authorizerId: '#0' }],
      {
        authorizers: [
          {
            name: 'lambda',
            type: 'TOKEN',
            identitySource: 'method.request.header.Authorization',
            authorizerUri:
              'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:auth/invocations',
          },
        ],
      },
    );
    const guarded = await eventually(
      () => fetch(`${gatewayUrl}/${lambda.restApiId}/prod/guarded`, { headers: { Authorization: 'allow' } }),
      (r) => r.status !== 403,
    );
    expect(await answer(guarded)).toEqual({
      status: 500,
      type: 'AuthorizerConfigurationException',
      body: { message: null },
    });
  });

  it('meet the resource policy after authentication: refused only by an explicit Deny, as AWS does for Cognito callers', async () => {
    const { poolId, arn, key } = await newPool();
    const { restApiId } = await userPoolApi([arn]);
    const deploy = async (statement: object) => {
      await clients.DEVELOPER.send(
        new UpdateRestApiCommand({
          restApiId,
          patchOperations: [
            {
              op: 'replace',
              path: '/policy',
              value: JSON.stringify({ Version: '2012-10-17', Statement: [statement] }),
            },
          ],
        }),
      );
      await clients.DEVELOPER.send(new CreateDeploymentCommand({ restApiId, stageName: 'prod' }));
    };
    const call = async (path: string) =>
      fetch(`${gatewayUrl}/${restApiId}/prod/${path}`, {
        headers: {
          Authorization: await token(poolId, key, path === 'orders' ? accessClaims('orders/read') : idClaims()),
        },
      });

    // A policy that allows only /orders: the admitted caller of /profile is not refused (no explicit Deny).
    await deploy({
      Effect: 'Allow',
      Principal: '*',
      Action: 'execute-api:Invoke',
      Resource: 'execute-api:/*/GET/orders',
    });
    expect(
      (
        await eventually(
          () => call('profile'),
          (res) => res.status === 200,
        )
      ).status,
    ).toBe(200);
    // An explicit Deny of /profile wins over the authorizer.
    await deploy({
      Effect: 'Deny',
      Principal: '*',
      Action: 'execute-api:Invoke',
      Resource: 'execute-api:/*/GET/profile',
    });
    const denied = await eventually(
      () => call('profile'),
      (res) => res.status === 403,
    );
    expect(denied.headers.get('x-amzn-errortype')).toBe('AccessDeniedException');
    expect((await denied.json()).Message).toMatch(/^User: anonymous is not authorized .* with an explicit deny$/);
    expect((await call('orders')).status).toBe(200);
  });

  it('TestInvokeAuthorizer verifies a token as the gateway does, and answers the claims', async () => {
    const { poolId, arn, key } = await newPool();
    const { restApiId, authorizerIds } = await userPoolApi([arn]);
    const test = async (headers: Record<string, string>) =>
      clients.DEVELOPER.send(new TestInvokeAuthorizerCommand({ restApiId, authorizerId: authorizerIds[0], headers }));

    const idToken = await token(poolId, key, idClaims(), { iat: 1680629979, exp: 4102444800 });
    const ok = await test({ Authorization: idToken });
    expect(ok.clientStatus).toBe(200);
    expect(ok.claims).toMatchObject({
      email: 'ana@example.com',
      'cognito:groups': 'admin,dev',
      exp: 'Fri Jan 01 00:00:00 UTC 2100',
    });
    expect(ok.log).toContain(`Incoming identity: ${'*'.repeat(20)}${idToken.slice(-4)}`);
    expect(ok.log).not.toContain(idToken);

    const expired = await test({
      Authorization: await token(poolId, key, idClaims(), { iat: now() - 2 * HOUR, exp: now() - HOUR }),
    });
    expect(expired.clientStatus).toBe(401);
    expect(expired.claims).toBeUndefined();
    expect(expired.log).toContain('The incoming token has expired');
    expect((await test({})).clientStatus).toBe(401);
  });
});
