import { createAuthorizer } from '../../services/authorizers/create-authorizer';
import { deleteAuthorizer } from '../../services/authorizers/delete-authorizer';
import { getAuthorizer } from '../../services/authorizers/get-authorizer';
import { listAuthorizers } from '../../services/authorizers/list-authorizers';
import { testInvokeAuthorizer } from '../../services/authorizers/test-invoke-authorizer';
import { updateAuthorizer } from '../../services/authorizers/update-authorizer';
import { accepted, created, ok, pageRequest } from '../route-helpers';
import type { Route } from '../router';
import { collection } from '../wire';

const COLLECTION = '/restapis/{restapi_id}/authorizers';
const PATH = `${COLLECTION}/{authorizer_id}`;
type P = Record<string, string>;
const ids = (p: P) => [p.restapi_id, p.authorizer_id] as [string, string];

export const authorizersRoutes: Route[] = [
  {
    method: 'POST',
    path: COLLECTION,
    operation: 'CreateAuthorizer',
    handler: async ({ actor, params, body }) =>
      created(await createAuthorizer(actor, params.restapi_id as string, body)),
  },
  {
    method: 'GET',
    path: COLLECTION,
    operation: 'GetAuthorizers',
    handler: async ({ actor, params, query }) =>
      ok(collection(await listAuthorizers(actor, params.restapi_id as string, pageRequest(query)))),
  },
  {
    method: 'GET',
    path: PATH,
    operation: 'GetAuthorizer',
    handler: async ({ actor, params }) => ok(await getAuthorizer(actor, ...ids(params))),
  },
  {
    method: 'PATCH',
    path: PATH,
    operation: 'UpdateAuthorizer',
    handler: async ({ actor, params, body }) => ok(await updateAuthorizer(actor, ...ids(params), body)),
  },
  {
    method: 'DELETE',
    path: PATH,
    operation: 'DeleteAuthorizer',
    handler: async ({ actor, params }) => {
      await deleteAuthorizer(actor, ...ids(params));
      return accepted();
    },
  },
  {
    method: 'POST',
    path: PATH,
    operation: 'TestInvokeAuthorizer',
    handler: async ({ actor, params, body }) => ok(await testInvokeAuthorizer(actor, ...ids(params), body)),
  },
];
