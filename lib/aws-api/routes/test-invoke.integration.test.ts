// TestInvokeMethod runs the gateway pipeline on the current definition, before any deployment.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetResourcesCommand, TestInvokeMethodCommand } from '@aws-sdk/client-api-gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoApi } from '../../services/bootstrap/seed-demo-api';
import { sdkFailure, withManagementApi } from '../../testing/management-api';
import { createProxyApi } from '../../testing/proxy-api';

const { clients } = withManagementApi(['DEVELOPER', 'VIEWER'] as const);

describe('TestInvokeMethod', () => {
  it('answers with status, headers, body, an execution log and the latency, without a deployment', async () => {
    const restApiId = await seedDemoApi();
    const resources = await clients.DEVELOPER.send(new GetResourcesCommand({ restApiId }));
    const pet = resources.items?.find((r) => r.path === '/pets/{petId}');
    const result = await clients.DEVELOPER.send(
      new TestInvokeMethodCommand({
        restApiId,
        resourceId: pet?.id,
        httpMethod: 'GET',
        pathWithQueryString: '/pets/5?verbose=1',
        headers: { Accept: 'application/json' },
      }),
    );
    expect(result.status).toBe(200);
    expect(JSON.parse(result.body ?? '')).toEqual({ id: 5, type: 'dog', price: 249.99 });
    expect(result.headers?.['Content-Type']).toBe('application/json');
    expect(result.log).toContain('HTTP Method: GET, Resource Path: /pets/5');
    expect(result.log).toContain('Method request path: {"petId":"5"}');
    expect(result.log).toContain('Method completed with status: 200');
    expect(typeof result.latency).toBe('number');
  });

  it('reports a path that does not fit the resource, and refuses a Viewer', async () => {
    const restApiId = await seedDemoApi();
    const resources = await clients.DEVELOPER.send(new GetResourcesCommand({ restApiId }));
    const pets = resources.items?.find((r) => r.path === '/pets');
    const wrong = await sdkFailure(
      clients.DEVELOPER.send(
        new TestInvokeMethodCommand({
          restApiId,
          resourceId: pets?.id,
          httpMethod: 'GET',
          pathWithQueryString: '/other',
        }),
      ),
    );
    expect(wrong.name).toBe('BadRequestException');
    const viewer = await sdkFailure(
      clients.VIEWER.send(new TestInvokeMethodCommand({ restApiId, resourceId: pets?.id, httpMethod: 'GET' })),
    );
    expect(viewer.name).toBe('AccessDeniedException');
  });

  describe('on an HTTP_PROXY method', () => {
    let backend: http.Server;
    let backendUrl = '';
    beforeAll(async () => {
      backend = http.createServer((req, res) => {
        res.writeHead(201, { 'Content-Type': 'application/json', 'X-Backend': 'yes' });
        res.end(JSON.stringify({ url: req.url }));
      });
      await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve));
      backendUrl = `http://127.0.0.1:${(backend.address() as AddressInfo).port}`;
    });
    afterAll(() => {
      backend.close();
      backend.closeAllConnections();
    });

    const proxyMethod = (uri: string) => createProxyApi(clients.DEVELOPER, uri, { name: 'Invoke proxy' });

    it('calls the backend and logs the endpoint request and response as AWS does', async () => {
      const { restApiId, resourceId } = await proxyMethod(`${backendUrl}/{proxy}`);
      const result = await clients.DEVELOPER.send(
        new TestInvokeMethodCommand({ restApiId, resourceId, httpMethod: 'ANY', pathWithQueryString: '/a/b?x=1' }),
      );
      expect(result.status).toBe(201);
      expect(JSON.parse(result.body ?? '')).toEqual({ url: '/a/b?x=1' });
      expect(result.headers?.['X-Backend']).toBe('yes');
      expect(result.log).toContain(`Endpoint request URI: ${backendUrl}/a/b?x=1`);
      expect(result.log).toContain(`Sending request to ${backendUrl}/a/b?x=1`);
      expect(result.log).toMatch(/Received response\. Status: 201, Integration latency: \d+ ms/);
      expect(result.log).toContain('Successfully completed execution');
    });

    it('answers 500 with the failure in the log when the backend cannot be reached', async () => {
      const { restApiId, resourceId } = await proxyMethod('http://127.0.0.1:1/{proxy}');
      const result = await clients.DEVELOPER.send(
        new TestInvokeMethodCommand({ restApiId, resourceId, httpMethod: 'ANY', pathWithQueryString: '/a' }),
      );
      expect(result.status).toBe(500);
      expect(JSON.parse(result.body ?? '')).toEqual({ message: 'Internal server error' });
      expect(result.log).toContain('Execution failed');
      expect(result.log).not.toContain('Successfully completed execution');
    });
  });
});
