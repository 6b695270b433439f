// Method, MethodResponse, Integration and IntegrationResponse rows as AWS's structures (GetMethod nests them all).
import type {
  IntegrationResponse as IntegrationResponseRow,
  Integration as IntegrationRow,
  MethodResponse as MethodResponseRow,
  Method as MethodRow,
} from '@prisma/client';

type Json = Record<string, unknown>;
const nonEmpty = (value: unknown): value is Json =>
  Boolean(value) && typeof value === 'object' && Object.keys(value as Json).length > 0;

export interface MethodResponse {
  statusCode: string;
  responseParameters?: Record<string, boolean>;
  responseModels?: Record<string, string>;
}

export interface IntegrationResponse {
  statusCode: string;
  selectionPattern?: string;
  responseParameters?: Record<string, string>;
  responseTemplates?: Record<string, string>;
  contentHandling?: string;
}

export interface Integration {
  type: string;
  httpMethod?: string;
  uri?: string;
  credentials?: string;
  connectionType?: string;
  connectionId?: string;
  requestParameters?: Record<string, string>;
  requestTemplates?: Record<string, string>;
  passthroughBehavior?: string;
  contentHandling?: string;
  timeoutInMillis: number;
  cacheNamespace?: string;
  cacheKeyParameters: string[];
  tlsConfig?: { insecureSkipVerification?: boolean };
  integrationResponses?: Record<string, IntegrationResponse>;
}

export interface Method {
  httpMethod: string;
  authorizationType: string;
  authorizerId?: string;
  apiKeyRequired: boolean;
  requestValidatorId?: string;
  operationName?: string;
  requestParameters?: Record<string, boolean>;
  requestModels?: Record<string, string>;
  methodResponses?: Record<string, MethodResponse>;
  methodIntegration?: Integration;
  authorizationScopes?: string[];
}

export function toMethodResponse(row: MethodResponseRow): MethodResponse {
  return {
    statusCode: row.statusCode,
    ...(nonEmpty(row.responseParameters) && { responseParameters: row.responseParameters as Record<string, boolean> }),
    ...(nonEmpty(row.responseModels) && { responseModels: row.responseModels as Record<string, string> }),
  };
}

export function toIntegrationResponse(row: IntegrationResponseRow): IntegrationResponse {
  return {
    statusCode: row.statusCode,
    ...(row.selectionPattern != null && { selectionPattern: row.selectionPattern }),
    ...(nonEmpty(row.responseParameters) && { responseParameters: row.responseParameters as Record<string, string> }),
    ...(nonEmpty(row.responseTemplates) && { responseTemplates: row.responseTemplates as Record<string, string> }),
    ...(row.contentHandling != null && { contentHandling: row.contentHandling }),
  };
}

export function toIntegration(row: IntegrationRow & { integrationResponses?: IntegrationResponseRow[] }): Integration {
  return {
    type: row.type,
    ...(row.httpMethod != null && { httpMethod: row.httpMethod }),
    ...(row.uri != null && { uri: row.uri }),
    ...(row.credentials != null && { credentials: row.credentials }),
    connectionType: row.connectionType,
    ...(row.connectionId != null && { connectionId: row.connectionId }),
    ...(nonEmpty(row.requestParameters) && { requestParameters: row.requestParameters as Record<string, string> }),
    ...(nonEmpty(row.requestTemplates) && { requestTemplates: row.requestTemplates as Record<string, string> }),
    ...(row.passthroughBehavior != null && { passthroughBehavior: row.passthroughBehavior }),
    ...(row.contentHandling != null && { contentHandling: row.contentHandling }),
    timeoutInMillis: row.timeoutInMillis,
    ...(row.cacheNamespace != null && { cacheNamespace: row.cacheNamespace }),
    cacheKeyParameters: row.cacheKeyParameters,
    ...(row.tlsConfig != null && { tlsConfig: row.tlsConfig as Integration['tlsConfig'] }),
    ...(row.integrationResponses &&
      row.integrationResponses.length > 0 && {
        integrationResponses: Object.fromEntries(
          row.integrationResponses.map((r) => [r.statusCode, toIntegrationResponse(r)]),
        ),
      }),
  };
}

export type MethodWithChildren = MethodRow & {
  methodResponses?: MethodResponseRow[];
  integration?: (IntegrationRow & { integrationResponses?: IntegrationResponseRow[] }) | null;
};

/** Prisma `include` that loads everything toMethod nests. */
export const METHOD_INCLUDE = {
  methodResponses: { orderBy: { statusCode: 'asc' } },
  integration: { include: { integrationResponses: { orderBy: { statusCode: 'asc' } } } },
} as const;

export function toMethod(row: MethodWithChildren): Method {
  return {
    httpMethod: row.httpMethod,
    authorizationType: row.authorizationType,
    ...(row.authorizerId != null && { authorizerId: row.authorizerId }),
    apiKeyRequired: row.apiKeyRequired,
    ...(row.requestValidatorId != null && { requestValidatorId: row.requestValidatorId }),
    ...(row.operationName != null && { operationName: row.operationName }),
    ...(nonEmpty(row.requestParameters) && { requestParameters: row.requestParameters as Record<string, boolean> }),
    ...(nonEmpty(row.requestModels) && { requestModels: row.requestModels as Record<string, string> }),
    ...(row.methodResponses &&
      row.methodResponses.length > 0 && {
        methodResponses: Object.fromEntries(row.methodResponses.map((r) => [r.statusCode, toMethodResponse(r)])),
      }),
    ...(row.integration && { methodIntegration: toIntegration(row.integration) }),
    ...(row.authorizationScopes.length > 0 && { authorizationScopes: row.authorizationScopes }),
  };
}
