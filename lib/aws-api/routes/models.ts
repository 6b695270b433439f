import { createModel } from '../../services/models/create-model';
import { deleteModel } from '../../services/models/delete-model';
import { getModel } from '../../services/models/get-model';
import { getModelTemplate } from '../../services/models/get-model-template';
import { listModels } from '../../services/models/list-models';
import { updateModel } from '../../services/models/update-model';
import { accepted, created, ok, pageRequest } from '../route-helpers';
import type { Route } from '../router';
import { collection } from '../wire';

const COLLECTION = '/restapis/{restapi_id}/models';
const PATH = `${COLLECTION}/{model_name}`;
type P = Record<string, string>;
const ids = (p: P) => [p.restapi_id, p.model_name] as [string, string];

export const modelsRoutes: Route[] = [
  {
    method: 'POST',
    path: COLLECTION,
    operation: 'CreateModel',
    handler: async ({ actor, params, body }) => created(await createModel(actor, params.restapi_id as string, body)),
  },
  {
    method: 'GET',
    path: COLLECTION,
    operation: 'GetModels',
    handler: async ({ actor, params, query }) =>
      ok(collection(await listModels(actor, params.restapi_id as string, pageRequest(query)))),
  },
  {
    method: 'GET',
    path: PATH,
    operation: 'GetModel',
    handler: async ({ actor, params }) => ok(await getModel(actor, ...ids(params))),
  },
  {
    method: 'PATCH',
    path: PATH,
    operation: 'UpdateModel',
    handler: async ({ actor, params, body }) => ok(await updateModel(actor, ...ids(params), body)),
  },
  {
    method: 'DELETE',
    path: PATH,
    operation: 'DeleteModel',
    handler: async ({ actor, params }) => {
      await deleteModel(actor, ...ids(params));
      return accepted();
    },
  },
  {
    method: 'GET',
    path: `${PATH}/default_template`,
    operation: 'GetModelTemplate',
    handler: async ({ actor, params }) => ok(await getModelTemplate(actor, ...ids(params))),
  },
];
