import { deleteMethodResponse } from '../../services/method-responses/delete-method-response';
import { getMethodResponse } from '../../services/method-responses/get-method-response';
import { putMethodResponse } from '../../services/method-responses/put-method-response';
import { updateMethodResponse } from '../../services/method-responses/update-method-response';
import { created, noContent, ok } from '../route-helpers';
import type { Route } from '../router';

const PATH = '/restapis/{restapi_id}/resources/{resource_id}/methods/{http_method}/responses/{status_code}';
type P = Record<string, string>;
const ids = (p: P) => [p.restapi_id, p.resource_id, p.http_method, p.status_code] as [string, string, string, string];

export const methodResponsesRoutes: Route[] = [
  {
    method: 'PUT',
    path: PATH,
    operation: 'PutMethodResponse',
    handler: async ({ actor, params, body }) => created(await putMethodResponse(actor, ...ids(params), body)),
  },
  {
    method: 'GET',
    path: PATH,
    operation: 'GetMethodResponse',
    handler: async ({ actor, params }) => ok(await getMethodResponse(actor, ...ids(params))),
  },
  {
    method: 'PATCH',
    path: PATH,
    operation: 'UpdateMethodResponse',
    handler: async ({ actor, params, body }) => ok(await updateMethodResponse(actor, ...ids(params), body)),
  },
  {
    method: 'DELETE',
    path: PATH,
    operation: 'DeleteMethodResponse',
    handler: async ({ actor, params }) => {
      await deleteMethodResponse(actor, ...ids(params));
      return noContent();
    },
  },
];
