// Test helper: an API with one method and its integration, made through the real AWS SDK and deployed to `prod`:
// each response is a method response and the integration response that selects it.
import {
  type APIGatewayClient,
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  PutIntegrationCommand,
  type PutIntegrationCommandInput,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand,
} from '@aws-sdk/client-api-gateway';

export interface IntegratedMethodSpec {
  name: string;
  /** the resource's path part under the root */
  pathPart: string;
  httpMethod: string;
  integration: Omit<PutIntegrationCommandInput, 'restApiId' | 'resourceId' | 'httpMethod'>;
  /** the first without a selectionPattern is the default */
  responses: Array<{ statusCode: string; selectionPattern?: string; responseTemplates?: Record<string, string> }>;
}

export async function createIntegratedApi(
  client: APIGatewayClient,
  spec: IntegratedMethodSpec,
): Promise<{ restApiId: string; resourceId: string }> {
  const api = await client.send(new CreateRestApiCommand({ name: spec.name }));
  const restApiId = api.id as string;
  const resource = await client.send(
    new CreateResourceCommand({ restApiId, parentId: api.rootResourceId, pathPart: spec.pathPart }),
  );
  const method = { restApiId, resourceId: resource.id, httpMethod: spec.httpMethod };
  await client.send(new PutMethodCommand({ ...method, authorizationType: 'NONE' }));
  await client.send(new PutIntegrationCommand({ ...method, ...spec.integration }));
  for (const response of spec.responses) {
    await client.send(new PutMethodResponseCommand({ ...method, statusCode: response.statusCode }));
    await client.send(new PutIntegrationResponseCommand({ ...method, ...response }));
  }
  await client.send(new CreateDeploymentCommand({ restApiId, stageName: 'prod' }));
  return { restApiId, resourceId: resource.id as string };
}
