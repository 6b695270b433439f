// The deployment snapshot: an immutable, versioned JSON document of everything a deployment freezes (AWS §7.1). The
// gateway serves stages from it; its schema version lets a newer gateway refuse or migrate an older shape.
import { z } from 'zod';

export const SNAPSHOT_VERSION = 1;

const stringMap = z.record(z.string(), z.string());
const boolMap = z.record(z.string(), z.boolean());

const integrationResponse = z.object({
  statusCode: z.string(),
  selectionPattern: z.string().optional(),
  responseParameters: stringMap.optional(),
  responseTemplates: stringMap.optional(),
  contentHandling: z.string().optional(),
});

const integration = z.object({
  type: z.enum(['HTTP', 'HTTP_PROXY', 'AWS', 'AWS_PROXY', 'MOCK']),
  httpMethod: z.string().optional(),
  uri: z.string().optional(),
  credentials: z.string().optional(),
  connectionType: z.string().optional(),
  connectionId: z.string().optional(),
  requestParameters: stringMap.optional(),
  requestTemplates: stringMap.optional(),
  passthroughBehavior: z.string().optional(),
  contentHandling: z.string().optional(),
  timeoutInMillis: z.number().int(),
  cacheNamespace: z.string().optional(),
  cacheKeyParameters: z.array(z.string()),
  tlsConfig: z.object({ insecureSkipVerification: z.boolean().optional() }).optional(),
  integrationResponses: z.record(z.string(), integrationResponse).optional(),
});

const method = z.object({
  httpMethod: z.string(),
  authorizationType: z.string(),
  authorizerId: z.string().optional(),
  apiKeyRequired: z.boolean(),
  requestValidatorId: z.string().optional(),
  operationName: z.string().optional(),
  requestParameters: boolMap.optional(),
  requestModels: stringMap.optional(),
  methodResponses: z
    .record(
      z.string(),
      z.object({
        statusCode: z.string(),
        responseParameters: boolMap.optional(),
        responseModels: stringMap.optional(),
      }),
    )
    .optional(),
  methodIntegration: integration.optional(),
  authorizationScopes: z.array(z.string()).optional(),
});

export const snapshotSchema = z.object({
  version: z.literal(SNAPSHOT_VERSION),
  restApiId: z.string(),
  name: z.string(),
  apiKeySource: z.string(),
  binaryMediaTypes: z.array(z.string()),
  minimumCompressionSize: z.number().int().nullable(),
  disableExecuteApiEndpoint: z.boolean(),
  endpointConfiguration: z.object({ types: z.array(z.string()) }).passthrough(),
  policy: z.string().nullable(),
  resources: z.array(
    z.object({
      id: z.string(),
      parentId: z.string().nullable(),
      pathPart: z.string().nullable(),
      path: z.string(),
      methods: z.record(z.string(), method),
    }),
  ),
  models: z.array(
    z.object({ id: z.string(), name: z.string(), contentType: z.string(), schema: z.string().nullable() }),
  ),
  requestValidators: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      validateRequestBody: z.boolean(),
      validateRequestParameters: z.boolean(),
    }),
  ),
  authorizers: z.array(
    z
      .object({
        id: z.string(),
        name: z.string(),
        type: z.string(),
        authorizerResultTtlInSeconds: z.number().nullable(),
        providerARNs: z.array(z.string()).optional(),
        identitySource: z.string().nullable().optional(),
        identityValidationExpression: z.string().nullable().optional(),
        authorizerUri: z.string().nullable().optional(),
      })
      .passthrough(),
  ),
  gatewayResponses: z.record(
    z.string(),
    z.object({ statusCode: z.string().nullable(), responseParameters: stringMap, responseTemplates: stringMap }),
  ),
});

export type Snapshot = z.infer<typeof snapshotSchema>;
export type SnapshotMethod = z.infer<typeof method>;
export type SnapshotAuthorizer = Snapshot['authorizers'][number];
