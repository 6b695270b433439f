// TestInvokeMethod runs the gateway pipeline on the current definition, before any deployment.
import { GetResourcesCommand, TestInvokeMethodCommand } from '@aws-sdk/client-api-gateway';
import { describe, expect, it } from 'vitest';
import { seedDemoApi } from '../../services/bootstrap/seed-demo-api';
import { sdkFailure, withManagementApi } from '../../testing/management-api';

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
});
