import { createApiKey } from '../../services/api-keys/create-api-key';
import { deleteApiKey } from '../../services/api-keys/delete-api-key';
import { getApiKey } from '../../services/api-keys/get-api-key';
import { getApiKeys } from '../../services/api-keys/get-api-keys';
import { importApiKeys } from '../../services/api-keys/import-api-keys';
import { updateApiKey } from '../../services/api-keys/update-api-key';
import { accepted, created, flag, ok, pageRequest } from '../route-helpers';
import type { Route } from '../router';
import { collection } from '../wire';

export const apiKeysRoutes: Route[] = [
  {
    // POST /apikeys serves both CreateApiKey and ImportApiKeys (?mode=import&format=csv, the CSV as the raw body).
    method: 'POST',
    path: '/apikeys',
    operation: 'CreateApiKey',
    handler: async ({ actor, query, body, rawBody }) =>
      query.get('mode') === 'import'
        ? created(
            await importApiKeys(actor, rawBody, {
              format: query.get('format'),
              failOnWarnings: flag(query, 'failonwarnings'),
            }),
          )
        : created(await createApiKey(actor, body)),
  },
  {
    method: 'GET',
    path: '/apikeys',
    operation: 'GetApiKeys',
    handler: async ({ actor, query }) =>
      ok(
        collection(
          await getApiKeys(actor, {
            ...pageRequest(query),
            nameQuery: query.get('name') ?? undefined,
            customerId: query.get('customerId') ?? undefined,
            includeValues: flag(query, 'includeValues'),
          }),
        ),
      ),
  },
  {
    method: 'GET',
    path: '/apikeys/{api_Key}',
    operation: 'GetApiKey',
    handler: async ({ actor, params, query }) =>
      ok(await getApiKey(actor, params.api_Key as string, { includeValue: flag(query, 'includeValue') })),
  },
  {
    method: 'PATCH',
    path: '/apikeys/{api_Key}',
    operation: 'UpdateApiKey',
    handler: async ({ actor, params, body }) => ok(await updateApiKey(actor, params.api_Key as string, body)),
  },
  {
    method: 'DELETE',
    path: '/apikeys/{api_Key}',
    operation: 'DeleteApiKey',
    handler: async ({ actor, params }) => {
      await deleteApiKey(actor, params.api_Key as string);
      return accepted();
    },
  },
];
