// Test helper: a REST API of MOCK methods (`GET /{name}` unless told otherwise) answering 200 with a response template, made through the real
// AWS SDK and deployed to `prod`.
import {
  type APIGatewayClient,
  CreateAuthorizerCommand,
  type CreateAuthorizerCommandInput,
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  PutIntegrationCommand,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand,
} from '@aws-sdk/client-api-gateway';

export interface MockMethodSpec {
  /** the resource's path part under the root */
  name: string;
  /** the 200 response's `application/json` template */
  responseTemplate: string;
  apiKeyRequired?: boolean;
  /** NONE unless given */
  authorizationType?: string;
  /** the authorizer of a COGNITO_USER_POOLS or CUSTOM method (see `createAuthorizers`) */
  authorizerId?: string;
  authorizationScopes?: string[];
  /** GET unless given */
  httpMethod?: string;
}

export async function createMockApi(
  client: APIGatewayClient,
  methods: MockMethodSpec[],
  options: {
    /** authorizers to create first; each method names one by its index here, as `authorizerId: '#0'` */
    authorizers?: Array<Omit<CreateAuthorizerCommandInput, 'restApiId'>>;
    /** HEADER (the default) or AUTHORIZER */
    apiKeySource?: 'HEADER' | 'AUTHORIZER';
  } = {},
): Promise<{ restApiId: string; ids: Record<string, string>; authorizerIds: string[] }> {
  const api = await client.send(new CreateRestApiCommand({ name: 'Mock', apiKeySource: options.apiKeySource }));
  const restApiId = api.id as string;
  const authorizerIds: string[] = [];
  for (const authorizer of options.authorizers ?? []) {
    authorizerIds.push((await client.send(new CreateAuthorizerCommand({ ...authorizer, restApiId }))).id as string);
  }
  const ids: Record<string, string> = {};
  for (const spec of methods) {
    const r = await client.send(
      new CreateResourceCommand({ restApiId, parentId: api.rootResourceId, pathPart: spec.name }),
    );
    ids[spec.name] = r.id as string;
    const method = { restApiId, resourceId: r.id, httpMethod: spec.httpMethod ?? 'GET' };
    await client.send(
      new PutMethodCommand({
        ...method,
        authorizationType: spec.authorizationType ?? 'NONE',
        authorizerId: spec.authorizerId?.startsWith('#')
          ? authorizerIds[Number(spec.authorizerId.slice(1))]
          : spec.authorizerId,
        authorizationScopes: spec.authorizationScopes,
        apiKeyRequired: spec.apiKeyRequired ?? false,
      }),
    );
    await client.send(
      new PutIntegrationCommand({
        ...method,
        type: 'MOCK',
        requestTemplates: { 'application/json': '{"statusCode": 200}' },
      }),
    );
    await client.send(new PutMethodResponseCommand({ ...method, statusCode: '200' }));
    await client.send(
      new PutIntegrationResponseCommand({
        ...method,
        statusCode: '200',
        responseTemplates: { 'application/json': spec.responseTemplate },
      }),
    );
  }
  await client.send(new CreateDeploymentCommand({ restApiId, stageName: 'prod' }));
  return { restApiId, ids, authorizerIds };
}
