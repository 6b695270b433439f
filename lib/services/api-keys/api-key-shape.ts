// An ApiKey row as AWS's ApiKey structure. The value is decrypted only when asked for (includeValue, CreateApiKey);
// audit entries always use the shape without it.
import type { ApiKey as ApiKeyRow } from '@prisma/client';
import { decryptSecret } from '../../crypto/secrets';

export interface ApiKey {
  id: string;
  value?: string;
  name?: string;
  customerId?: string;
  description?: string;
  enabled: boolean;
  createdDate: Date;
  lastUpdatedDate: Date;
  stageKeys: string[];
  tags?: Record<string, string>;
}

export function toApiKey(row: ApiKeyRow, options: { includeValue?: boolean } = {}): ApiKey {
  const tags = row.tags as Record<string, string>;
  return {
    id: row.id,
    ...(options.includeValue && { value: decryptSecret(row.valueEncrypted) }),
    ...(row.name != null && { name: row.name }),
    ...(row.customerId != null && { customerId: row.customerId }),
    ...(row.description != null && { description: row.description }),
    enabled: row.enabled,
    createdDate: row.createdDate,
    lastUpdatedDate: row.lastUpdatedDate,
    stageKeys: row.stageKeys,
    ...(Object.keys(tags).length > 0 && { tags }),
  };
}
