import { getUsage } from '../../services/usage/get-usage';
import { updateUsage } from '../../services/usage/update-usage';
import { createUsagePlan } from '../../services/usage-plans/create-usage-plan';
import { createUsagePlanKey } from '../../services/usage-plans/create-usage-plan-key';
import { deleteUsagePlan } from '../../services/usage-plans/delete-usage-plan';
import { deleteUsagePlanKey } from '../../services/usage-plans/delete-usage-plan-key';
import { getUsagePlan } from '../../services/usage-plans/get-usage-plan';
import { getUsagePlanKey } from '../../services/usage-plans/get-usage-plan-key';
import { getUsagePlanKeys } from '../../services/usage-plans/get-usage-plan-keys';
import { getUsagePlans } from '../../services/usage-plans/get-usage-plans';
import { updateUsagePlan } from '../../services/usage-plans/update-usage-plan';
import { accepted, created, ok, pageRequest } from '../route-helpers';
import type { Route } from '../router';
import { collection } from '../wire';

const PLAN = '/usageplans/{usageplanId}';
const KEY = `${PLAN}/keys/{keyId}`;
const planId = (params: Record<string, string>) => params.usageplanId as string;
const keyId = (params: Record<string, string>) => params.keyId as string;

export const usagePlansRoutes: Route[] = [
  {
    method: 'POST',
    path: '/usageplans',
    operation: 'CreateUsagePlan',
    handler: async ({ actor, body }) => created(await createUsagePlan(actor, body)),
  },
  {
    method: 'GET',
    path: '/usageplans',
    operation: 'GetUsagePlans',
    handler: async ({ actor, query }) =>
      ok(collection(await getUsagePlans(actor, { ...pageRequest(query), keyId: query.get('keyId') ?? undefined }))),
  },
  {
    method: 'GET',
    path: PLAN,
    operation: 'GetUsagePlan',
    handler: async ({ actor, params }) => ok(await getUsagePlan(actor, planId(params))),
  },
  {
    method: 'PATCH',
    path: PLAN,
    operation: 'UpdateUsagePlan',
    handler: async ({ actor, params, body }) => ok(await updateUsagePlan(actor, planId(params), body)),
  },
  {
    method: 'DELETE',
    path: PLAN,
    operation: 'DeleteUsagePlan',
    handler: async ({ actor, params }) => {
      await deleteUsagePlan(actor, planId(params));
      return accepted();
    },
  },
  {
    method: 'POST',
    path: `${PLAN}/keys`,
    operation: 'CreateUsagePlanKey',
    handler: async ({ actor, params, body }) => created(await createUsagePlanKey(actor, planId(params), body)),
  },
  {
    method: 'GET',
    path: `${PLAN}/keys`,
    operation: 'GetUsagePlanKeys',
    handler: async ({ actor, params, query }) =>
      ok(
        collection(
          await getUsagePlanKeys(actor, planId(params), {
            ...pageRequest(query),
            nameQuery: query.get('name') ?? undefined,
          }),
        ),
      ),
  },
  {
    method: 'GET',
    path: KEY,
    operation: 'GetUsagePlanKey',
    handler: async ({ actor, params }) => ok(await getUsagePlanKey(actor, planId(params), keyId(params))),
  },
  {
    method: 'DELETE',
    path: KEY,
    operation: 'DeleteUsagePlanKey',
    handler: async ({ actor, params }) => {
      await deleteUsagePlanKey(actor, planId(params), keyId(params));
      return accepted();
    },
  },
  {
    method: 'GET',
    path: `${PLAN}/usage`,
    operation: 'GetUsage',
    handler: async ({ actor, params, query }) =>
      ok(
        await getUsage(actor, planId(params), {
          ...pageRequest(query),
          keyId: query.get('keyId') ?? undefined,
          startDate: query.get('startDate') ?? undefined,
          endDate: query.get('endDate') ?? undefined,
        }),
      ),
  },
  {
    method: 'PATCH',
    path: `${KEY}/usage`,
    operation: 'UpdateUsage',
    handler: async ({ actor, params, body }) => ok(await updateUsage(actor, planId(params), keyId(params), body)),
  },
];
