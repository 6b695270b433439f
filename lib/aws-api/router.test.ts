import { describe, expect, it } from 'vitest';
import { type Route, Router } from './router';

const handler = async () => ({ status: 200 });
const route = (method: Route['method'], path: string): Route => ({
  method,
  path,
  operation: `${method} ${path}`,
  handler,
});

const router = new Router([
  route('GET', '/restapis/{restapi_id}/resources/{resource_id}'),
  route('POST', '/restapis/{restapi_id}/resources/{parent_id}'),
  route('DELETE', '/restapis/{restapi_id}/stages/{stage_name}/cache/data'),
  route('GET', '/restapis/{restapi_id}/stages/{stage_name}'),
  route('GET', '/apikeys'),
]);

describe('management API router', () => {
  it('matches templates and captures decoded parameters', () => {
    const match = router.match('GET', ['restapis', 'abc', 'resources', '{proxy+}']);
    expect(match && 'route' in match && match.params).toEqual({ restapi_id: 'abc', resource_id: '{proxy+}' });
  });

  it('uses the parameter names of the route that matched the method', () => {
    const match = router.match('POST', ['restapis', 'abc', 'resources', 'root1']);
    expect(match && 'route' in match && match.params).toEqual({ restapi_id: 'abc', parent_id: 'root1' });
  });

  it('tells a wrong method from an unknown path', () => {
    expect(router.match('PUT', ['apikeys'])).toEqual({ allowed: ['GET'] });
    expect(router.match('GET', ['nothing'])).toBeNull();
    expect(router.match('GET', ['restapis', 'abc', 'stages', 'prod', 'cache', 'data'])).toEqual({
      allowed: ['DELETE'],
    });
  });
});
