import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdminServer, createGatewayServer } from './server';

const gateway = createGatewayServer();
const admin = createAdminServer();
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

describe('placeholder gateway', () => {
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

  it('answers health checks on the admin port only', async () => {
    expect(await (await fetch(`${adminBase}/health`)).json()).toEqual({ status: 'ok' });
    expect((await fetch(`${base}/health`)).status).toBe(403);
  });
});
