// A plan's key as AWS's UsagePlanKey {id, type, value, name}. The value is decrypted only for those who may edit.
import type { ApiKey as ApiKeyRow, UsagePlanKey as UsagePlanKeyRow } from '@prisma/client';
import { can } from '../../auth/roles';
import { decryptSecret } from '../../crypto/secrets';
import type { Actor } from '../actor';

export interface UsagePlanKey {
  id: string;
  type: string;
  value?: string;
  name?: string;
}

export function toUsagePlanKey(
  row: UsagePlanKeyRow & { apiKey: ApiKeyRow },
  options: { includeValue: boolean },
): UsagePlanKey {
  return {
    id: row.apiKeyId,
    type: row.keyType,
    ...(options.includeValue && { value: decryptSecret(row.apiKey.valueEncrypted) }),
    ...(row.apiKey.name != null && { name: row.apiKey.name }),
  };
}

export const mayReadValues = (actor: Actor): boolean => can(actor.role, 'edit');
