// An Integration row's stored fields as the in-memory state PutIntegration builds and UpdateIntegration patches, and
// back into the data Prisma writes.
import { type Integration as IntegrationRow, Prisma } from '@prisma/client';
import type { IntegrationFields } from './integration-input';

export function fieldsFromRow(row: IntegrationRow): IntegrationFields {
  return {
    type: row.type,
    httpMethod: row.httpMethod,
    uri: row.uri,
    credentials: row.credentials,
    connectionType: row.connectionType,
    connectionId: row.connectionId,
    requestParameters: { ...(row.requestParameters as Record<string, string>) },
    requestTemplates: { ...(row.requestTemplates as Record<string, string>) },
    passthroughBehavior: row.passthroughBehavior ?? 'WHEN_NO_MATCH',
    contentHandling: row.contentHandling,
    timeoutInMillis: row.timeoutInMillis,
    cacheNamespace: row.cacheNamespace,
    cacheKeyParameters: [...row.cacheKeyParameters],
    tlsConfig: row.tlsConfig ? { ...(row.tlsConfig as { insecureSkipVerification?: boolean }) } : null,
  };
}

export function toIntegrationData(fields: IntegrationFields) {
  return {
    ...fields,
    tlsConfig: fields.tlsConfig ? (fields.tlsConfig as Prisma.InputJsonObject) : Prisma.DbNull,
  };
}
