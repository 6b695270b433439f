import { getAccount } from '../../services/account/get-account';
import { getSdkType } from '../../services/account/get-sdk-type';
import { getSdkTypes } from '../../services/account/get-sdk-types';
import { updateAccount } from '../../services/account/update-account';
import { ok, pageRequest } from '../route-helpers';
import type { Route } from '../router';
import { collection } from '../wire';

export const accountRoutes: Route[] = [
  {
    method: 'GET',
    path: '/account',
    operation: 'GetAccount',
    handler: async ({ actor }) => ok(await getAccount(actor)),
  },
  {
    method: 'PATCH',
    path: '/account',
    operation: 'UpdateAccount',
    handler: async ({ actor, body }) => ok(await updateAccount(actor, body)),
  },
  {
    method: 'GET',
    path: '/sdktypes',
    operation: 'GetSdkTypes',
    handler: async ({ actor, query }) => ok(collection(getSdkTypes(actor, pageRequest(query)))),
  },
  {
    method: 'GET',
    path: '/sdktypes/{sdktype_id}',
    operation: 'GetSdkType',
    handler: async ({ actor, params }) => ok(getSdkType(actor, params.sdktype_id as string)),
  },
];
