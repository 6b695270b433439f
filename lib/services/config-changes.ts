// Tells running gateways that what they serve changed (PostgreSQL NOTIFY, delivered when the transaction commits).
import type { Tx } from '../db/client';

export const CONFIG_CHANNEL = 'portico_config';

export type ConfigChange =
  | { kind: string; restApiId: string; stageName?: string }
  /** custom domains and their base path mappings */
  | { kind: 'domain'; domainName: string }
  /** access keys and their users (who may sign requests to AWS_IAM methods) */
  | { kind: 'access-keys' }
  /** a function, its versions, aliases or code (gateways reload their function catalog) */
  | { kind: 'functions'; functionName: string }
  /** web ACLs, IP sets and their associations with stages (AWS WAF) */
  | { kind: 'waf' };

export async function notifyConfigChange(tx: Tx, change: ConfigChange): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${CONFIG_CHANNEL}, ${JSON.stringify(change)})`;
}
