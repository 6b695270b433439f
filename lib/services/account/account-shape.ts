// The single Account row as AWS's Account structure, and the row itself (created on first use).
import type { Account as AccountRow } from '@prisma/client';
import type { Tx } from '../../db/client';

export const ACCOUNT_ID = 'account';

export interface Account {
  cloudwatchRoleArn?: string;
  throttleSettings: { burstLimit: number; rateLimit: number };
  features: string[];
  apiKeyVersion: string;
}

export function toAccount(row: AccountRow): Account {
  const throttle = row.throttleSettings as { burstLimit?: number; rateLimit?: number };
  return {
    ...(row.cloudwatchRoleArn != null && { cloudwatchRoleArn: row.cloudwatchRoleArn }),
    throttleSettings: { burstLimit: throttle.burstLimit ?? 5000, rateLimit: throttle.rateLimit ?? 10000.0 },
    features: row.features,
    apiKeyVersion: '4',
  };
}

/** The account row, created with AWS's defaults when missing (safe when two requests race). */
export async function ensureAccount(tx: Tx): Promise<AccountRow> {
  await tx.account.createMany({ data: [{ id: ACCOUNT_ID }], skipDuplicates: true });
  return tx.account.findUniqueOrThrow({ where: { id: ACCOUNT_ID } });
}
