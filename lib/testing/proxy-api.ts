// Test helper: a REST API with one `/{proxy+}` ANY method proxied to `uri` (HTTP_PROXY, the proxy path mapped),
// made through the real AWS SDK.
import {
  type APIGatewayClient,
  CreateResourceCommand,
  CreateRestApiCommand,
  PutIntegrationCommand,
  PutMethodCommand,
} from '@aws-sdk/client-api-gateway';

export async function createProxyApi(
  client: APIGatewayClient,
  uri: string,
  options: { name?: string; timeoutInMillis?: number } = {},
): Promise<{ restApiId: string; resourceId: string }> {
  const api = await client.send(new CreateRestApiCommand({ name: options.name ?? 'Proxy' }));
  const restApiId = api.id as string;
  const proxy = await client.send(
    new CreateResourceCommand({ restApiId, parentId: api.rootResourceId, pathPart: '{proxy+}' }),
  );
  const resourceId = proxy.id as string;
  await client.send(
    new PutMethodCommand({
      restApiId,
      resourceId,
      httpMethod: 'ANY',
      authorizationType: 'NONE',
      requestParameters: { 'method.request.path.proxy': true },
    }),
  );
  await client.send(
    new PutIntegrationCommand({
      restApiId,
      resourceId,
      httpMethod: 'ANY',
      type: 'HTTP_PROXY',
      integrationHttpMethod: 'ANY',
      uri,
      requestParameters: { 'integration.request.path.proxy': 'method.request.path.proxy' },
      timeoutInMillis: options.timeoutInMillis,
    }),
  );
  return { restApiId, resourceId };
}
