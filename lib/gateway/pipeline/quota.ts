// Usage plan quotas (§6.3, §6.5), after throttling: a key whose plan's quota is spent for the period is
// QUOTA_EXCEEDED (429 `Limit Exceeded`); every request a key opens is counted for its plan (GetUsage).
import { GatewayError } from '../gateway-error';
import type { StageKey } from '../throttle/stage-keys';
import type { GatewayContext } from './gateway-context';

/** Where usage is counted (usage/usage-ledger.ts). */
export interface UsageMeter {
  /** what the key's quota leaves for the period; undefined when its plan has none */
  remaining(key: StageKey): number | undefined;
  record(key: StageKey): void;
}

export function meterUsage(ctx: GatewayContext, usage: UsageMeter): void {
  const key = ctx.apiKey?.key;
  if (!key) return;
  const left = usage.remaining(key);
  if (left !== undefined && left <= 0) throw new GatewayError('QUOTA_EXCEEDED');
  usage.record(key);
}
