// An Authorizer row as AWS's Authorizer structure.
import type { Authorizer as AuthorizerRow } from '@prisma/client';

export interface Authorizer {
  id: string;
  name: string;
  type: string;
  providerARNs?: string[];
  authType?: string;
  authorizerUri?: string;
  authorizerCredentials?: string;
  identitySource?: string;
  identityValidationExpression?: string;
  authorizerResultTtlInSeconds?: number;
}

export function toAuthorizer(row: AuthorizerRow): Authorizer {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    ...(row.providerARNs.length > 0 && { providerARNs: row.providerARNs }),
    ...(row.authType != null && { authType: row.authType }),
    ...(row.authorizerUri != null && { authorizerUri: row.authorizerUri }),
    ...(row.authorizerCredentials != null && { authorizerCredentials: row.authorizerCredentials }),
    ...(row.identitySource != null && { identitySource: row.identitySource }),
    ...(row.identityValidationExpression != null && {
      identityValidationExpression: row.identityValidationExpression,
    }),
    ...(row.authorizerResultTtlInSeconds != null && {
      authorizerResultTtlInSeconds: row.authorizerResultTtlInSeconds,
    }),
  };
}
