import { createRestApi } from '../../services/rest-apis/create-rest-api';
import { deleteRestApi } from '../../services/rest-apis/delete-rest-api';
import { getRestApi } from '../../services/rest-apis/get-rest-api';
import { listRestApis } from '../../services/rest-apis/list-rest-apis';
import { updateRestApi } from '../../services/rest-apis/update-rest-api';
import { accepted, created, notImplemented, ok, pageRequest } from '../route-helpers';
import type { Route } from '../router';
import { collection } from '../wire';

export const restApiRoutes: Route[] = [
  {
    method: 'POST',
    path: '/restapis',
    operation: 'CreateRestApi',
    handler: async ({ actor, body, query }) =>
      query.get('mode') === 'import'
        ? notImplemented('ImportRestApi')
        : created(await createRestApi(actor, body as never)),
  },
  {
    method: 'GET',
    path: '/restapis',
    operation: 'GetRestApis',
    handler: async ({ actor, query }) => ok(collection(await listRestApis(actor, pageRequest(query)))),
  },
  {
    method: 'GET',
    path: '/restapis/{restapi_id}',
    operation: 'GetRestApi',
    handler: async ({ actor, params }) => ok(await getRestApi(actor, params.restapi_id as string)),
  },
  {
    method: 'PATCH',
    path: '/restapis/{restapi_id}',
    operation: 'UpdateRestApi',
    handler: async ({ actor, params, body }) => ok(await updateRestApi(actor, params.restapi_id as string, body)),
  },
  {
    method: 'PUT',
    path: '/restapis/{restapi_id}',
    operation: 'PutRestApi',
    handler: async () => notImplemented('PutRestApi'),
  },
  {
    method: 'DELETE',
    path: '/restapis/{restapi_id}',
    operation: 'DeleteRestApi',
    handler: async ({ actor, params }) => {
      await deleteRestApi(actor, params.restapi_id as string);
      return accepted();
    },
  },
];
