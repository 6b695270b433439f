// Deploy time: the API definition as it is now, compiled into a schema-checked snapshot. A definition that cannot
// be served fails the deployment here, with a clear message, instead of failing requests later.
import type { Tx } from '../db/client';
import { badRequest } from '../services/errors';
import { METHOD_INCLUDE, toMethod } from '../services/methods/method-shape';
import { compileTemplate, VtlSyntaxError } from '../vtl';
import { SNAPSHOT_VERSION, type Snapshot, snapshotSchema } from './snapshot-schema';

export interface CompiledDeployment {
  snapshot: Snapshot;
  /** {"/pets": {"GET": {authorizationType, apiKeyRequired}}}: GetDeployment's embed=apisummary */
  apiSummary: Record<string, Record<string, { authorizationType: string; apiKeyRequired: boolean }>>;
}

function checkTemplate(where: string, contentType: string, source: string): void {
  try {
    compileTemplate(source);
  } catch (error) {
    if (error instanceof VtlSyntaxError) {
      throw badRequest(`Invalid mapping template for ${where} (${contentType}): ${error.message}`);
    }
    throw error;
  }
}

/** Every method has an integration, and every mapping template parses (the gateway compiles them at load). */
function checkIntegrations(snapshot: Snapshot): void {
  for (const resource of snapshot.resources) {
    for (const [verb, method] of Object.entries(resource.methods)) {
      const integration = method.methodIntegration;
      if (!integration) throw badRequest(`No integration defined for method ${verb} ${resource.path}`);
      for (const [contentType, source] of Object.entries(integration.requestTemplates ?? {})) {
        checkTemplate(`the integration request of ${verb} ${resource.path}`, contentType, source);
      }
      for (const response of Object.values(integration.integrationResponses ?? {})) {
        for (const [contentType, source] of Object.entries(response.responseTemplates ?? {})) {
          checkTemplate(
            `the ${response.statusCode} integration response of ${verb} ${resource.path}`,
            contentType,
            source,
          );
        }
      }
    }
  }
}

export async function compileSnapshot(tx: Tx, restApiId: string): Promise<CompiledDeployment> {
  const api = await tx.restApi.findUniqueOrThrow({ where: { id: restApiId } });
  const [resources, models, validators, authorizers, gatewayResponses] = await Promise.all([
    tx.resource.findMany({
      where: { restApiId },
      orderBy: { path: 'asc' },
      include: { methods: { include: METHOD_INCLUDE, orderBy: { httpMethod: 'asc' } } },
    }),
    tx.model.findMany({ where: { restApiId }, orderBy: { name: 'asc' } }),
    tx.requestValidator.findMany({ where: { restApiId }, orderBy: { name: 'asc' } }),
    tx.authorizer.findMany({ where: { restApiId }, orderBy: { name: 'asc' } }),
    tx.gatewayResponse.findMany({ where: { restApiId }, orderBy: { responseType: 'asc' } }),
  ]);
  if (resources.every((r) => r.methods.length === 0)) {
    throw badRequest("The REST API doesn't contain any methods");
  }
  const candidate = {
    version: SNAPSHOT_VERSION,
    restApiId,
    name: api.name,
    apiKeySource: api.apiKeySource,
    binaryMediaTypes: api.binaryMediaTypes,
    minimumCompressionSize: api.minimumCompressionSize,
    disableExecuteApiEndpoint: api.disableExecuteApiEndpoint,
    endpointConfiguration: api.endpointConfiguration,
    policy: api.policy,
    resources: resources.map((r) => ({
      id: r.id,
      parentId: r.parentId,
      pathPart: r.pathPart,
      path: r.path,
      methods: Object.fromEntries(r.methods.map((m) => [m.httpMethod, toMethod(m)])),
    })),
    models: models.map((m) => ({ id: m.id, name: m.name, contentType: m.contentType, schema: m.schema })),
    requestValidators: validators.map(({ restApiId: _r, ...v }) => v),
    authorizers: authorizers.map(({ restApiId: _r, ...a }) => a),
    gatewayResponses: Object.fromEntries(
      gatewayResponses.map((g) => [
        g.responseType,
        { statusCode: g.statusCode, responseParameters: g.responseParameters, responseTemplates: g.responseTemplates },
      ]),
    ),
  };
  const parsed = snapshotSchema.safeParse(candidate);
  if (!parsed.success) {
    throw badRequest(
      `The API definition cannot be deployed: ${parsed.error.issues[0]?.message ?? 'invalid definition'}`,
    );
  }
  checkIntegrations(parsed.data);
  const apiSummary: CompiledDeployment['apiSummary'] = {};
  for (const resource of parsed.data.resources) {
    for (const [verb, method] of Object.entries(resource.methods)) {
      apiSummary[resource.path] ??= {};
      (apiSummary[resource.path] as Record<string, unknown>)[verb] = {
        authorizationType: method.authorizationType,
        apiKeyRequired: method.apiKeyRequired,
      };
    }
  }
  return { snapshot: parsed.data, apiSummary };
}
