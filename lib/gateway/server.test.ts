import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthorizerCache } from './authorizers/authorizer-cache';
import { UserPoolKeys } from './authorizers/user-pool-keys';
import { createAdminServer, createGatewayServer } from './server';
import { TokenBuckets } from './throttle/token-buckets';

// No stage is deployed: every request is AWS's answer for a path with no deployed method.
const gateway = createGatewayServer({
  store: { get: () => undefined, basePathMappings: () => [], webAcl: () => undefined },
  customDomains: () => new Map(),
  admission: {
    accessKeys: () => undefined,
    userPools: new UserPoolKeys(),
    authorizerResults: new AuthorizerCache(),
    throttling: { buckets: new TokenBuckets(), account: { rateLimit: 10_000, burstLimit: 5_000 } },
    usage: { remaining: () => undefined, record: () => {} }, // no stage, so no key is ever metered here
  },
});
const admin = createAdminServer(() => ({ status: 'ok', stages: 0 }));
let base = '';
let adminBase = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  await new Promise<void>((resolve) => admin.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`;
  adminBase = `http://127.0.0.1:${(admin.address() as AddressInfo).port}`;
});

afterAll(() => {
  gateway.close();
  admin.close();
  gateway.closeAllConnections();
});

describe('gateway with nothing deployed', () => {
  it.each(['GET', 'POST', 'DELETE'])(
    'answers %s on any path with AWS’s Missing Authentication Token',
    async (method) => {
      const res = await fetch(`${base}/abcdefghij/prod/pets?x=1`, {
        method,
        body: method === 'POST' ? '{}' : undefined,
      });
      expect(res.status).toBe(403);
      expect(res.headers.get('content-type')).toBe('application/json');
      expect(res.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
      expect(res.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.headers.get('x-amz-apigw-id')).toMatch(/^.{15}=$/);
      expect(await res.json()).toEqual({ message: 'Missing Authentication Token' });
    },
  );

  it('sends no body for HEAD', async () => {
    const res = await fetch(`${base}/`, { method: 'HEAD' });
    expect(res.status).toBe(403);
    expect(await res.text()).toBe('');
  });

  it('keeps a client’s own x-amzn-RequestId when it is a UUID', async () => {
    const id = '0b3c2f0e-1111-4222-8333-944455556666';
    const res = await fetch(`${base}/x`, { headers: { 'x-amzn-RequestId': id } });
    expect(res.headers.get('x-amzn-requestid')).toBe(id);
  });

  it('quirk: a non-SigV4 Authorization header turns the 403 into an IncompleteSignatureException', async () => {
    const res = await fetch(`${base}/abcdefghij/prod/pets`, { headers: { Authorization: 'Bearer abc' } });
    expect(res.status).toBe(403);
    expect(res.headers.get('x-amzn-errortype')).toBe('IncompleteSignatureException');
    expect(await res.json()).toEqual({
      message: "'abc' not a valid key=value pair (missing equal-sign) in Authorization header: 'Bearer abc'.",
    });
  });

  it('refuses a body over 10 MB with AWS’s plain-text 413', async () => {
    const res = await fetch(`${base}/abcdefghij/prod/pets`, {
      method: 'POST',
      body: Buffer.alloc(10 * 1024 * 1024 + 1),
    });
    expect(res.status).toBe(413);
    expect(await res.text()).toBe('HTTP content length exceeded 10485760 bytes.');
  });

  it('answers health checks on the admin port only', async () => {
    expect(await (await fetch(`${adminBase}/health`)).json()).toEqual({ status: 'ok', stages: 0 });
    expect((await fetch(`${base}/health`)).status).toBe(403);
  });
});
