import { deleteMethod } from '../../services/methods/delete-method';
import { getMethod } from '../../services/methods/get-method';
import { putMethod } from '../../services/methods/put-method';
import { testInvokeMethod } from '../../services/methods/test-invoke-method';
import { updateMethod } from '../../services/methods/update-method';
import { created, noContent, ok } from '../route-helpers';
import type { Route } from '../router';

const PATH = '/restapis/{restapi_id}/resources/{resource_id}/methods/{http_method}';
type P = Record<string, string>;
const ids = (p: P) => [p.restapi_id, p.resource_id, p.http_method] as [string, string, string];

export const methodRoutes: Route[] = [
  {
    method: 'PUT',
    path: PATH,
    operation: 'PutMethod',
    handler: async ({ actor, params, body }) => created(await putMethod(actor, ...ids(params), body)),
  },
  {
    method: 'GET',
    path: PATH,
    operation: 'GetMethod',
    handler: async ({ actor, params }) => ok(await getMethod(actor, ...ids(params))),
  },
  {
    method: 'PATCH',
    path: PATH,
    operation: 'UpdateMethod',
    handler: async ({ actor, params, body }) => ok(await updateMethod(actor, ...ids(params), body)),
  },
  {
    method: 'DELETE',
    path: PATH,
    operation: 'DeleteMethod',
    handler: async ({ actor, params }) => {
      await deleteMethod(actor, ...ids(params));
      return noContent();
    },
  },
  {
    method: 'POST',
    path: PATH,
    operation: 'TestInvokeMethod',
    handler: async ({ actor, params, body }) => ok(await testInvokeMethod(actor, ...ids(params), body)),
  },
];
