import type { AccessKey as AccessKeyRow } from '@prisma/client';

/** An access key as listed: never the secret. */
export interface AccessKey {
  accessKeyId: string;
  userId: string;
  description: string | null;
  status: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

export function toAccessKey(row: AccessKeyRow): AccessKey {
  return {
    accessKeyId: row.accessKeyId,
    userId: row.userId,
    description: row.description,
    status: row.status,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
  };
}
