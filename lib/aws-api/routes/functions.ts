// AWS Lambda's functions API (2015-03-31): functions, versions, Invoke and resource-based policies (recorded, not
// enforced). Aliases are in function-aliases.ts.
import { addPermission } from '../../services/functions/add-permission';
import { createFunction } from '../../services/functions/create-function';
import { deleteFunction } from '../../services/functions/delete-function';
import { getFunction } from '../../services/functions/get-function';
import { getFunctionConfiguration } from '../../services/functions/get-function-configuration';
import { getPolicy } from '../../services/functions/get-policy';
import { invokeFunction } from '../../services/functions/invoke-function';
import { listFunctionConfigurations } from '../../services/functions/list-function-configurations';
import { listVersionsByFunction } from '../../services/functions/list-versions-by-function';
import { publishVersion } from '../../services/functions/publish-version';
import { removePermission } from '../../services/functions/remove-permission';
import { updateFunctionCode } from '../../services/functions/update-function-code';
import { updateFunctionConfiguration } from '../../services/functions/update-function-configuration';
import { created, noContent, ok } from '../route-helpers';
import type { ApiResult, Route } from '../router';

const COLLECTION = '/2015-03-31/functions';
const FUNCTION = `${COLLECTION}/{FunctionName}`;
const page = (query: URLSearchParams) => ({ marker: query.get('Marker'), maxItems: query.get('MaxItems') });

export const functionsRoutes: Route[] = [
  {
    method: 'POST',
    path: `${FUNCTION}/policy`,
    operation: 'AddPermission',
    handler: async ({ actor, params, query, body }) =>
      created(await addPermission(actor, params.FunctionName as string, query.get('Qualifier'), body)),
  },
  {
    method: 'GET',
    path: `${FUNCTION}/policy`,
    operation: 'GetPolicy',
    handler: async ({ actor, params, query }) =>
      ok(await getPolicy(actor, params.FunctionName as string, query.get('Qualifier'))),
  },
  {
    method: 'DELETE',
    path: `${FUNCTION}/policy/{StatementId}`,
    operation: 'RemovePermission',
    handler: async ({ actor, params, query }) => {
      await removePermission(
        actor,
        params.FunctionName as string,
        params.StatementId as string,
        query.get('Qualifier'),
      );
      return noContent();
    },
  },
  {
    method: 'POST',
    path: COLLECTION,
    operation: 'CreateFunction',
    handler: async ({ actor, body }) => created(await createFunction(actor, body)),
  },
  {
    method: 'GET',
    path: COLLECTION,
    operation: 'ListFunctions',
    handler: async ({ actor, query }) =>
      ok(await listFunctionConfigurations(actor, { ...page(query), functionVersion: query.get('FunctionVersion') })),
  },
  {
    method: 'GET',
    path: FUNCTION,
    operation: 'GetFunction',
    handler: async ({ actor, params, query }) =>
      ok(await getFunction(actor, params.FunctionName as string, query.get('Qualifier'))),
  },
  {
    method: 'DELETE',
    path: FUNCTION,
    operation: 'DeleteFunction',
    handler: async ({ actor, params, query }) => {
      await deleteFunction(actor, params.FunctionName as string, query.get('Qualifier'));
      return noContent();
    },
  },
  {
    method: 'GET',
    path: `${FUNCTION}/configuration`,
    operation: 'GetFunctionConfiguration',
    handler: async ({ actor, params, query }) =>
      ok(await getFunctionConfiguration(actor, params.FunctionName as string, query.get('Qualifier'))),
  },
  {
    method: 'PUT',
    path: `${FUNCTION}/configuration`,
    operation: 'UpdateFunctionConfiguration',
    handler: async ({ actor, params, body }) =>
      ok(await updateFunctionConfiguration(actor, params.FunctionName as string, body)),
  },
  {
    method: 'PUT',
    path: `${FUNCTION}/code`,
    operation: 'UpdateFunctionCode',
    handler: async ({ actor, params, body }) =>
      ok(await updateFunctionCode(actor, params.FunctionName as string, body)),
  },
  {
    method: 'POST',
    path: `${FUNCTION}/versions`,
    operation: 'PublishVersion',
    handler: async ({ actor, params, body }) =>
      created(await publishVersion(actor, params.FunctionName as string, body)),
  },
  {
    method: 'GET',
    path: `${FUNCTION}/versions`,
    operation: 'ListVersionsByFunction',
    handler: async ({ actor, params, query }) =>
      ok(await listVersionsByFunction(actor, params.FunctionName as string, page(query))),
  },
  {
    method: 'POST',
    path: `${FUNCTION}/invocations`,
    operation: 'Invoke',
    rawPayload: true,
    handler: async ({ actor, params, query, headers, rawBody, requestId }): Promise<ApiResult> => {
      const result = await invokeFunction(actor, {
        functionName: params.FunctionName as string,
        qualifier: query.get('Qualifier'),
        invocationType: headers.get('x-amz-invocation-type'),
        logType: headers.get('x-amz-log-type'),
        payload: rawBody,
        requestId,
      });
      if (result.statusCode !== 200) return { status: result.statusCode };
      return {
        status: 200,
        raw: { contentType: 'application/json', data: result.payload ?? '' },
        headers: {
          'X-Amz-Executed-Version': result.executedVersion ?? '$LATEST',
          ...(result.functionError && { 'X-Amz-Function-Error': result.functionError }),
          ...(result.logResult !== undefined && { 'X-Amz-Log-Result': result.logResult }),
        },
      };
    },
  },
];
