import { createResource } from '../../services/resources/create-resource';
import { deleteResource } from '../../services/resources/delete-resource';
import { getResource } from '../../services/resources/get-resource';
import { listResources } from '../../services/resources/list-resources';
import { updateResource } from '../../services/resources/update-resource';
import { accepted, created, ok, pageRequest } from '../route-helpers';
import type { Route } from '../router';
import { collection } from '../wire';

const embedsMethods = (query: URLSearchParams) => query.getAll('embed').some((e) => e.split(',').includes('methods'));

export const resourceRoutes: Route[] = [
  {
    method: 'GET',
    path: '/restapis/{restapi_id}/resources',
    operation: 'GetResources',
    handler: async ({ actor, params, query }) =>
      ok(
        collection(
          await listResources(actor, params.restapi_id as string, {
            ...pageRequest(query),
            embedMethods: embedsMethods(query),
          }),
        ),
      ),
  },
  {
    method: 'GET',
    path: '/restapis/{restapi_id}/resources/{resource_id}',
    operation: 'GetResource',
    handler: async ({ actor, params, query }) =>
      ok(
        await getResource(actor, params.restapi_id as string, params.resource_id as string, {
          embedMethods: embedsMethods(query),
        }),
      ),
  },
  {
    method: 'POST',
    path: '/restapis/{restapi_id}/resources/{parent_id}',
    operation: 'CreateResource',
    handler: async ({ actor, params, body }) =>
      created(await createResource(actor, params.restapi_id as string, params.parent_id as string, body)),
  },
  {
    method: 'PATCH',
    path: '/restapis/{restapi_id}/resources/{resource_id}',
    operation: 'UpdateResource',
    handler: async ({ actor, params, body }) =>
      ok(await updateResource(actor, params.restapi_id as string, params.resource_id as string, body)),
  },
  {
    method: 'DELETE',
    path: '/restapis/{restapi_id}/resources/{resource_id}',
    operation: 'DeleteResource',
    handler: async ({ actor, params }) => {
      await deleteResource(actor, params.restapi_id as string, params.resource_id as string);
      return accepted();
    },
  },
];
