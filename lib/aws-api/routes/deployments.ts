import { createDeployment } from '../../services/deployments/create-deployment';
import { deleteDeployment } from '../../services/deployments/delete-deployment';
import { getDeployment } from '../../services/deployments/get-deployment';
import { listDeployments } from '../../services/deployments/list-deployments';
import { updateDeployment } from '../../services/deployments/update-deployment';
import { accepted, created, ok, pageRequest } from '../route-helpers';
import type { Route } from '../router';
import { collection } from '../wire';

const BASE = '/restapis/{restapi_id}/deployments';
const embedsSummary = (query: URLSearchParams) =>
  query.getAll('embed').some((e) => e.split(',').some((v) => v.toLowerCase() === 'apisummary'));

export const deploymentsRoutes: Route[] = [
  {
    method: 'POST',
    path: BASE,
    operation: 'CreateDeployment',
    handler: async ({ actor, params, body }) =>
      created(await createDeployment(actor, params.restapi_id as string, body)),
  },
  {
    method: 'GET',
    path: BASE,
    operation: 'GetDeployments',
    handler: async ({ actor, params, query }) =>
      ok(collection(await listDeployments(actor, params.restapi_id as string, pageRequest(query)))),
  },
  {
    method: 'GET',
    path: `${BASE}/{deployment_id}`,
    operation: 'GetDeployment',
    handler: async ({ actor, params, query }) =>
      ok(
        await getDeployment(actor, params.restapi_id as string, params.deployment_id as string, {
          embedApiSummary: embedsSummary(query),
        }),
      ),
  },
  {
    method: 'PATCH',
    path: `${BASE}/{deployment_id}`,
    operation: 'UpdateDeployment',
    handler: async ({ actor, params, body }) =>
      ok(await updateDeployment(actor, params.restapi_id as string, params.deployment_id as string, body)),
  },
  {
    method: 'DELETE',
    path: `${BASE}/{deployment_id}`,
    operation: 'DeleteDeployment',
    handler: async ({ actor, params }) => {
      await deleteDeployment(actor, params.restapi_id as string, params.deployment_id as string);
      return accepted();
    },
  },
];
