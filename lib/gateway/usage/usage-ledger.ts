// Usage of API keys (§6.3–6.4): every request a key opens is counted in memory and written once a second, in one
// statement, to the UsageCounter rows that GetUsage reads (never a write per request). When a key whose plan has a
// quota was used, the same tick reads back what every gateway process has recorded, so a quota holds across
// processes and nodes to within about a second of traffic (AWS's quotas are enforced on a best-effort basis too).
// A gateway whose traffic uses no key sends no statement at all. A failed write is kept for the next tick; while
// PostgreSQL is away the counts wait in memory and the quotas use the last known usage.
import pg from 'pg';
import { formatDay, utcDay } from '../../services/usage/usage-days';
import { type CounterDay, quotaLeft } from '../../services/usage/usage-series';
import type { StageKey } from '../throttle/stage-keys';

const TICK_MS = 1000;
/** Counters read back for quotas: enough days for the longest period (a month). */
const LOOKBACK_DAYS = 31;

interface Pending {
  usagePlanId: string;
  apiKeyId: string;
  day: string;
  count: number;
}

const FLUSH = `
  INSERT INTO "UsageCounter" ("usagePlanId", "apiKeyId", "day", "used")
  SELECT v.plan, v.key, v.day::date, v.n
    FROM unnest($1::text[], $2::text[], $3::text[], $4::int[]) AS v(plan, key, day, n)
    JOIN "UsagePlanKey" pk ON pk."usagePlanId" = v.plan AND pk."apiKeyId" = v.key
  ON CONFLICT ("usagePlanId", "apiKeyId", "day") DO UPDATE SET "used" = "UsageCounter"."used" + EXCLUDED."used"`;

const READ_BACK = `
  SELECT c."usagePlanId", c."apiKeyId", c."day", c."used", c."adjustment"
    FROM "UsageCounter" c JOIN "UsagePlan" p ON p."id" = c."usagePlanId"
   WHERE p."quota" IS NOT NULL AND c."day" >= (now() AT TIME ZONE 'UTC')::date - ${LOOKBACK_DAYS}`;

const member = (usagePlanId: string, apiKeyId: string) => `${usagePlanId} ${apiKeyId}`;

/** Adds `from`'s counts into `into`. */
function merge(into: Map<string, Pending>, from: Map<string, Pending>): void {
  for (const [id, entry] of from) {
    const existing = into.get(id);
    if (existing) existing.count += entry.count;
    else into.set(id, { ...entry });
  }
}

export class UsageLedger {
  readonly #pool: pg.Pool;
  readonly #log: (message: string) => void;
  #pending = new Map<string, Pending>();
  /** written since the last read-back: still to be subtracted from what that read-back found */
  #written = new Map<string, Pending>();
  #counters = new Map<string, CounterDay[]>();
  /** a key with a quota was used since the last read-back */
  #readBackWanted = false;
  #timer: NodeJS.Timeout | undefined;
  #tick: Promise<void> = Promise.resolve();

  constructor(databaseUrl: string, log: (message: string) => void = () => {}) {
    this.#pool = new pg.Pool({ connectionString: databaseUrl, max: 1, connectionTimeoutMillis: 5000 });
    this.#pool.on('error', () => {}); // an idle connection lost: the next tick reconnects
    this.#log = log;
  }

  /** Reads the usage recorded so far, then ticks once a second. */
  async start(): Promise<void> {
    await this.#readBack().catch((error: Error) => this.#log(`usage read failed (${error.message})`));
    this.#timer = setInterval(() => {
      this.#tick = this.#tick.then(() => this.flush());
    }, TICK_MS);
    this.#timer.unref();
  }

  /** Writes what is left and releases the connection. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    await this.#tick;
    await this.flush();
    await this.#pool.end();
  }

  /** One more request opened by `key` (its plan's usage for today, UTC). */
  record(key: StageKey, now = new Date()): void {
    const day = formatDay(utcDay(now));
    const id = `${member(key.usagePlanId, key.id)} ${day}`;
    const entry = this.#pending.get(id);
    if (entry) entry.count += 1;
    else this.#pending.set(id, { usagePlanId: key.usagePlanId, apiKeyId: key.id, day, count: 1 });
  }

  /** What the key's quota leaves for the current period (undefined: its plan has none). */
  remaining(key: StageKey, now = new Date()): number | undefined {
    if (!key.quota) return undefined;
    this.#readBackWanted = true;
    const counters = this.#counters.get(member(key.usagePlanId, key.id)) ?? [];
    const left = quotaLeft({ quota: key.quota, createdAt: key.planCreatedAt }, counters, utcDay(now)) ?? 0;
    return left - this.#unwritten(key, formatDay(utcDay(now)));
  }

  #unwritten(key: StageKey, today: string): number {
    const id = `${member(key.usagePlanId, key.id)} ${today}`;
    return (this.#pending.get(id)?.count ?? 0) + (this.#written.get(id)?.count ?? 0);
  }

  /** Writes the counts recorded since the last write; reads back everyone's when a quota needs them. */
  async flush(): Promise<void> {
    if (this.#pending.size > 0) {
      const batch = this.#pending;
      this.#pending = new Map();
      const entries = [...batch.values()];
      try {
        await this.#pool.query(FLUSH, [
          entries.map((p) => p.usagePlanId),
          entries.map((p) => p.apiKeyId),
          entries.map((p) => p.day),
          entries.map((p) => p.count),
        ]);
        merge(this.#written, batch);
        // Only today's counts are ever subtracted: keep no older ones (keys without a quota are never read back).
        const today = formatDay(utcDay(new Date()));
        for (const [id, entry] of this.#written) if (entry.day !== today) this.#written.delete(id);
      } catch (error) {
        merge(this.#pending, batch); // kept for the next tick, with what came meanwhile
        this.#log(`usage write failed (${(error as Error).message}); kept for the next attempt`);
        return;
      }
    }
    if (!this.#readBackWanted) return;
    this.#readBackWanted = false;
    try {
      await this.#readBack();
      this.#written = new Map();
    } catch (error) {
      this.#readBackWanted = true;
      this.#log(`usage read failed (${(error as Error).message})`);
    }
  }

  async #readBack(): Promise<void> {
    const rows = (
      await this.#pool.query<{ usagePlanId: string; apiKeyId: string; day: Date; used: number; adjustment: number }>(
        READ_BACK,
      )
    ).rows;
    const counters = new Map<string, CounterDay[]>();
    for (const row of rows) {
      const id = member(row.usagePlanId, row.apiKeyId);
      const list = counters.get(id) ?? [];
      // node-postgres reads a date column as local midnight: rebuild the UTC day it names
      const day = new Date(Date.UTC(row.day.getFullYear(), row.day.getMonth(), row.day.getDate()));
      list.push({ day, used: row.used, adjustment: row.adjustment });
      counters.set(id, list);
    }
    this.#counters = counters;
  }
}
