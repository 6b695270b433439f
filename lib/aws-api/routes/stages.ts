import { createStage } from '../../services/stages/create-stage';
import { deleteStage } from '../../services/stages/delete-stage';
import { flushStageCache } from '../../services/stages/flush-stage-cache';
import { getStage } from '../../services/stages/get-stage';
import { listStages } from '../../services/stages/list-stages';
import { updateStage } from '../../services/stages/update-stage';
import { accepted, created, notImplemented, ok } from '../route-helpers';
import type { Route } from '../router';

const BASE = '/restapis/{restapi_id}/stages';
const STAGE = `${BASE}/{stage_name}`;
type P = Record<string, string>;
const ids = (p: P) => [p.restapi_id, p.stage_name] as [string, string];

export const stagesRoutes: Route[] = [
  {
    method: 'POST',
    path: BASE,
    operation: 'CreateStage',
    handler: async ({ actor, params, body }) => created(await createStage(actor, params.restapi_id as string, body)),
  },
  {
    method: 'GET',
    path: BASE,
    operation: 'GetStages',
    // AWS answers GetStages with {"item": [...]} and no position.
    handler: async ({ actor, params, query }) =>
      ok({ item: await listStages(actor, params.restapi_id as string, query.get('deploymentId') ?? undefined) }),
  },
  {
    method: 'GET',
    path: STAGE,
    operation: 'GetStage',
    handler: async ({ actor, params }) => ok(await getStage(actor, ...ids(params))),
  },
  {
    method: 'PATCH',
    path: STAGE,
    operation: 'UpdateStage',
    handler: async ({ actor, params, body }) => ok(await updateStage(actor, ...ids(params), body)),
  },
  {
    method: 'DELETE',
    path: STAGE,
    operation: 'DeleteStage',
    handler: async ({ actor, params }) => {
      await deleteStage(actor, ...ids(params));
      return accepted();
    },
  },
  {
    method: 'DELETE',
    path: `${STAGE}/cache/data`,
    operation: 'FlushStageCache',
    handler: async ({ actor, params }) => {
      await flushStageCache(actor, ...ids(params), 'data');
      return accepted();
    },
  },
  {
    method: 'DELETE',
    path: `${STAGE}/cache/authorizers`,
    operation: 'FlushStageAuthorizersCache',
    handler: async ({ actor, params }) => {
      await flushStageCache(actor, ...ids(params), 'authorizers');
      return accepted();
    },
  },
  {
    method: 'GET',
    path: `${STAGE}/exports/{export_type}`,
    operation: 'GetExport',
    handler: async () => notImplemented('GetExport'),
  },
  {
    method: 'GET',
    path: `${STAGE}/sdks/{sdk_type}`,
    operation: 'GetSdk',
    handler: async () => notImplemented('GetSdk'),
  },
];
