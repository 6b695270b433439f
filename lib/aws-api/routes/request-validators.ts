import { createRequestValidator } from '../../services/request-validators/create-request-validator';
import { deleteRequestValidator } from '../../services/request-validators/delete-request-validator';
import { getRequestValidator } from '../../services/request-validators/get-request-validator';
import { listRequestValidators } from '../../services/request-validators/list-request-validators';
import { updateRequestValidator } from '../../services/request-validators/update-request-validator';
import { accepted, created, ok, pageRequest } from '../route-helpers';
import type { Route } from '../router';
import { collection } from '../wire';

const COLLECTION = '/restapis/{restapi_id}/requestvalidators';
const PATH = `${COLLECTION}/{requestvalidator_id}`;
type P = Record<string, string>;
const ids = (p: P) => [p.restapi_id, p.requestvalidator_id] as [string, string];

export const requestValidatorsRoutes: Route[] = [
  {
    method: 'POST',
    path: COLLECTION,
    operation: 'CreateRequestValidator',
    handler: async ({ actor, params, body }) =>
      created(await createRequestValidator(actor, params.restapi_id as string, body)),
  },
  {
    method: 'GET',
    path: COLLECTION,
    operation: 'GetRequestValidators',
    handler: async ({ actor, params, query }) =>
      ok(collection(await listRequestValidators(actor, params.restapi_id as string, pageRequest(query)))),
  },
  {
    method: 'GET',
    path: PATH,
    operation: 'GetRequestValidator',
    handler: async ({ actor, params }) => ok(await getRequestValidator(actor, ...ids(params))),
  },
  {
    method: 'PATCH',
    path: PATH,
    operation: 'UpdateRequestValidator',
    handler: async ({ actor, params, body }) => ok(await updateRequestValidator(actor, ...ids(params), body)),
  },
  {
    method: 'DELETE',
    path: PATH,
    operation: 'DeleteRequestValidator',
    handler: async ({ actor, params }) => {
      await deleteRequestValidator(actor, ...ids(params));
      return accepted();
    },
  },
];
