// Tells running gateways that what they serve changed (PostgreSQL NOTIFY, delivered when the transaction commits).
import type { Tx } from '../db/client';

export const CONFIG_CHANNEL = 'portico_config';

export async function notifyConfigChange(
  tx: Tx,
  change: { restApiId: string; stageName?: string; kind: string },
): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${CONFIG_CHANNEL}, ${JSON.stringify(change)})`;
}
