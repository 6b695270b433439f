// Usage of API keys (§6.3–6.4): every request a key opens is counted in memory and written once a second, in one
// statement, to the UsageCounter rows that GetUsage reads (never a write per request). The same tick reads back what
// every gateway process has recorded for keys whose plans have a quota, so a quota holds across processes and nodes
// to within about a second of traffic (AWS's quotas are enforced on a best-effort basis too). A failed write is kept
// for the next tick; while PostgreSQL is away the counts wait in memory and the quotas use the last known usage.
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

export class UsageLedger {
  readonly #pool: pg.Pool;
  readonly #log: (message: string) => void;
  #pending = new Map<string, Pending>();
  /** counted, being written: still to be subtracted until the read-back that follows the write */
  #writing = new Map<string, Pending>();
  #counters = new Map<string, CounterDay[]>();
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
    const counters = this.#counters.get(member(key.usagePlanId, key.id)) ?? [];
    const left = quotaLeft({ quota: key.quota, createdAt: key.planCreatedAt }, counters, utcDay(now)) ?? 0;
    return left - this.#unwritten(key, formatDay(utcDay(now)));
  }

  #unwritten(key: StageKey, today: string): number {
    const id = `${member(key.usagePlanId, key.id)} ${today}`;
    return (this.#pending.get(id)?.count ?? 0) + (this.#writing.get(id)?.count ?? 0);
  }

  /** Writes the counts recorded since the last write, then reads back everyone's. */
  async flush(): Promise<void> {
    if (this.#pending.size > 0) {
      this.#writing = this.#pending;
      this.#pending = new Map();
      const batch = [...this.#writing.values()];
      try {
        await this.#pool.query(FLUSH, [
          batch.map((p) => p.usagePlanId),
          batch.map((p) => p.apiKeyId),
          batch.map((p) => p.day),
          batch.map((p) => p.count),
        ]);
      } catch (error) {
        // Kept for the next tick, merged with what came meanwhile.
        for (const [id, entry] of this.#writing) {
          const later = this.#pending.get(id);
          if (later) later.count += entry.count;
          else this.#pending.set(id, entry);
        }
        this.#writing = new Map();
        this.#log(`usage write failed (${(error as Error).message}); kept for the next attempt`);
        return;
      }
    }
    await this.#readBack().catch((error: Error) => this.#log(`usage read failed (${error.message})`));
    this.#writing = new Map();
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
