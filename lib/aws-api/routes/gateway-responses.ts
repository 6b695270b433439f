import { deleteGatewayResponse } from '../../services/gateway-responses/delete-gateway-response';
import { getGatewayResponse } from '../../services/gateway-responses/get-gateway-response';
import { listGatewayResponses } from '../../services/gateway-responses/list-gateway-responses';
import { putGatewayResponse } from '../../services/gateway-responses/put-gateway-response';
import { updateGatewayResponse } from '../../services/gateway-responses/update-gateway-response';
import { accepted, created, ok, pageRequest } from '../route-helpers';
import type { Route } from '../router';
import { collection } from '../wire';

const PATH = '/restapis/{restapi_id}/gatewayresponses/{response_type}';
type P = Record<string, string>;
const ids = (p: P) => [p.restapi_id, p.response_type] as [string, string];

export const gatewayResponsesRoutes: Route[] = [
  {
    method: 'GET',
    path: '/restapis/{restapi_id}/gatewayresponses',
    operation: 'GetGatewayResponses',
    handler: async ({ actor, params, query }) =>
      ok(collection(await listGatewayResponses(actor, params.restapi_id as string, pageRequest(query)))),
  },
  {
    method: 'GET',
    path: PATH,
    operation: 'GetGatewayResponse',
    handler: async ({ actor, params }) => ok(await getGatewayResponse(actor, ...ids(params))),
  },
  {
    method: 'PUT',
    path: PATH,
    operation: 'PutGatewayResponse',
    handler: async ({ actor, params, body }) => created(await putGatewayResponse(actor, ...ids(params), body)),
  },
  {
    method: 'PATCH',
    path: PATH,
    operation: 'UpdateGatewayResponse',
    handler: async ({ actor, params, body }) => ok(await updateGatewayResponse(actor, ...ids(params), body)),
  },
  {
    method: 'DELETE',
    path: PATH,
    operation: 'DeleteGatewayResponse',
    handler: async ({ actor, params }) => {
      await deleteGatewayResponse(actor, ...ids(params));
      return accepted();
    },
  },
];
