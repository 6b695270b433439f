// AWS Lambda's aliases API (2015-03-31).
import { createAlias } from '../../services/function-aliases/create-alias';
import { deleteAlias } from '../../services/function-aliases/delete-alias';
import { getAlias } from '../../services/function-aliases/get-alias';
import { listAliases } from '../../services/function-aliases/list-aliases';
import { updateAlias } from '../../services/function-aliases/update-alias';
import { created, noContent, ok } from '../route-helpers';
import type { Route } from '../router';

const COLLECTION = '/2015-03-31/functions/{FunctionName}/aliases';
const ALIAS = `${COLLECTION}/{Name}`;
type P = Record<string, string>;
const ids = (p: P) => [p.FunctionName, p.Name] as [string, string];

export const functionAliasesRoutes: Route[] = [
  {
    method: 'POST',
    path: COLLECTION,
    operation: 'CreateAlias',
    handler: async ({ actor, params, body }) => created(await createAlias(actor, params.FunctionName as string, body)),
  },
  {
    method: 'GET',
    path: COLLECTION,
    operation: 'ListAliases',
    handler: async ({ actor, params, query }) =>
      ok(
        await listAliases(actor, params.FunctionName as string, {
          marker: query.get('Marker'),
          maxItems: query.get('MaxItems'),
          functionVersion: query.get('FunctionVersion'),
        }),
      ),
  },
  {
    method: 'GET',
    path: ALIAS,
    operation: 'GetAlias',
    handler: async ({ actor, params }) => ok(await getAlias(actor, ...ids(params))),
  },
  {
    method: 'PUT',
    path: ALIAS,
    operation: 'UpdateAlias',
    handler: async ({ actor, params, body }) => ok(await updateAlias(actor, ...ids(params), body)),
  },
  {
    method: 'DELETE',
    path: ALIAS,
    operation: 'DeleteAlias',
    handler: async ({ actor, params }) => {
      await deleteAlias(actor, ...ids(params));
      return noContent();
    },
  },
];
