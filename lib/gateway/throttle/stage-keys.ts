// The API keys a stage accepts (§6.2), each with its usage plan's throttles (§6.3): the plan's limit for each key
// (shared by every stage of the plan) and per-method limits set for this stage (`"/pets/GET"`, the root's `"//GET"`).

import type { QuotaSettings } from '../../services/usage-plans/usage-plan-shape';
import type { StageKeyRow } from '../data/stage-rows';
import type { ThrottleLimit } from './token-buckets';

export interface StageKey {
  id: string;
  usagePlanId: string;
  /** the name of the key's bucket for its plan's limit */
  bucket: string;
  /** the plan's limit for the key, if it sets one */
  throttle?: ThrottleLimit;
  /** per-method limits of the plan on this stage, by `{resourcePath}/{METHOD}` */
  methodThrottles: ReadonlyMap<string, ThrottleLimit>;
  /** the plan's quota, if it sets one */
  quota?: QuotaSettings;
  planCreatedAt: Date;
}

function quotaOf(raw: unknown): QuotaSettings | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { limit, offset, period } = raw as { limit?: unknown; offset?: unknown; period?: unknown };
  if (typeof limit !== 'number' || (period !== 'DAY' && period !== 'WEEK' && period !== 'MONTH')) return undefined;
  return { limit, offset: typeof offset === 'number' ? offset : 0, period };
}

/** A stored `{rateLimit, burstLimit}`; a dimension left out does not limit (the largest safe number). */
function limitOf(raw: unknown): ThrottleLimit | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { rateLimit, burstLimit } = raw as { rateLimit?: unknown; burstLimit?: unknown };
  if (typeof rateLimit !== 'number' && typeof burstLimit !== 'number') return undefined;
  return {
    rateLimit: typeof rateLimit === 'number' ? rateLimit : Number.MAX_SAFE_INTEGER,
    burstLimit: typeof burstLimit === 'number' ? burstLimit : Number.MAX_SAFE_INTEGER,
  };
}

/** A timestamp column as PostgreSQL's JSON gives it (UTC, without a zone) → Date. */
const utcTimestamp = (text: string) => new Date(/(Z|[+-]\d\d:?\d\d)$/.test(text) ? text : `${text}Z`);

/** lookup hash of the key's value → the key and its plan's limits */
export function compileStageKeys(rows: readonly StageKeyRow[]): ReadonlyMap<string, StageKey> {
  const keys = new Map<string, StageKey>();
  for (const row of rows) {
    const methodThrottles = new Map<string, ThrottleLimit>();
    for (const [method, raw] of Object.entries((row.methodThrottles ?? {}) as Record<string, unknown>)) {
      const limit = limitOf(raw);
      if (limit) methodThrottles.set(method, limit);
    }
    keys.set(row.valueHash, {
      id: row.id,
      usagePlanId: row.usagePlanId,
      bucket: `plan ${row.usagePlanId} ${row.id}`,
      throttle: limitOf(row.planThrottle),
      methodThrottles,
      quota: quotaOf(row.quota),
      planCreatedAt: utcTimestamp(row.planCreatedAt),
    });
  }
  return keys;
}
