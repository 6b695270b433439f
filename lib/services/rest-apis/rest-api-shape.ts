// A RestApi row as AWS's RestApi structure (dates stay Date here; the wire layer writes epoch seconds).
import type { RestApi as RestApiRow } from '@prisma/client';

export interface RestApi {
  id: string;
  name: string;
  description?: string;
  version?: string;
  createdDate: Date;
  binaryMediaTypes?: string[];
  minimumCompressionSize?: number;
  apiKeySource: string;
  endpointConfiguration: { types: string[]; vpcEndpointIds?: string[]; ipAddressType?: string };
  policy?: string;
  disableExecuteApiEndpoint: boolean;
  rootResourceId: string;
  tags?: Record<string, string>;
  warnings?: string[];
}

export function toRestApi(row: RestApiRow): RestApi {
  const tags = row.tags as Record<string, string>;
  return {
    id: row.id,
    name: row.name,
    ...(row.description != null && { description: row.description }),
    ...(row.version != null && { version: row.version }),
    createdDate: row.createdDate,
    ...(row.binaryMediaTypes.length > 0 && { binaryMediaTypes: row.binaryMediaTypes }),
    ...(row.minimumCompressionSize != null && { minimumCompressionSize: row.minimumCompressionSize }),
    apiKeySource: row.apiKeySource,
    endpointConfiguration: row.endpointConfiguration as RestApi['endpointConfiguration'],
    ...(row.policy != null && { policy: row.policy }),
    disableExecuteApiEndpoint: row.disableExecuteApiEndpoint,
    rootResourceId: row.rootResourceId,
    ...(Object.keys(tags).length > 0 && { tags }),
    ...(row.warnings.length > 0 && { warnings: row.warnings }),
  };
}
