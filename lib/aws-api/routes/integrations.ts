import { deleteIntegrationResponse } from '../../services/integration-responses/delete-integration-response';
import { getIntegrationResponse } from '../../services/integration-responses/get-integration-response';
import { putIntegrationResponse } from '../../services/integration-responses/put-integration-response';
import { updateIntegrationResponse } from '../../services/integration-responses/update-integration-response';
import { deleteIntegration } from '../../services/integrations/delete-integration';
import { getIntegration } from '../../services/integrations/get-integration';
import { putIntegration } from '../../services/integrations/put-integration';
import { updateIntegration } from '../../services/integrations/update-integration';
import { created, noContent, ok } from '../route-helpers';
import type { Route } from '../router';

const PATH = '/restapis/{restapi_id}/resources/{resource_id}/methods/{http_method}/integration';
const RESPONSE_PATH = `${PATH}/responses/{status_code}`;
type P = Record<string, string>;
const ids = (p: P) => [p.restapi_id, p.resource_id, p.http_method] as [string, string, string];
const responseIds = (p: P) =>
  [p.restapi_id, p.resource_id, p.http_method, p.status_code] as [string, string, string, string];

export const integrationsRoutes: Route[] = [
  {
    method: 'PUT',
    path: PATH,
    operation: 'PutIntegration',
    handler: async ({ actor, params, body }) => created(await putIntegration(actor, ...ids(params), body)),
  },
  {
    method: 'GET',
    path: PATH,
    operation: 'GetIntegration',
    handler: async ({ actor, params }) => ok(await getIntegration(actor, ...ids(params))),
  },
  {
    method: 'PATCH',
    path: PATH,
    operation: 'UpdateIntegration',
    handler: async ({ actor, params, body }) => ok(await updateIntegration(actor, ...ids(params), body)),
  },
  {
    method: 'DELETE',
    path: PATH,
    operation: 'DeleteIntegration',
    handler: async ({ actor, params }) => {
      await deleteIntegration(actor, ...ids(params));
      return noContent();
    },
  },
  {
    method: 'PUT',
    path: RESPONSE_PATH,
    operation: 'PutIntegrationResponse',
    handler: async ({ actor, params, body }) =>
      created(await putIntegrationResponse(actor, ...responseIds(params), body)),
  },
  {
    method: 'GET',
    path: RESPONSE_PATH,
    operation: 'GetIntegrationResponse',
    handler: async ({ actor, params }) => ok(await getIntegrationResponse(actor, ...responseIds(params))),
  },
  {
    method: 'PATCH',
    path: RESPONSE_PATH,
    operation: 'UpdateIntegrationResponse',
    handler: async ({ actor, params, body }) =>
      ok(await updateIntegrationResponse(actor, ...responseIds(params), body)),
  },
  {
    method: 'DELETE',
    path: RESPONSE_PATH,
    operation: 'DeleteIntegrationResponse',
    handler: async ({ actor, params }) => {
      await deleteIntegrationResponse(actor, ...responseIds(params));
      return noContent();
    },
  },
];
