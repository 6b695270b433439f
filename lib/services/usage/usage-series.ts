// GetUsage's per-day [used, remaining] pairs from UsageCounter rows. `used` is the requests counted that day;
// remaining is what the quota left at the end of that day: limit, minus the offset in the plan's first period,
// minus everything consumed (used + UpdateUsage adjustments) since the day's period began. Without a quota it is 0.
import type { Tx } from '../../db/client';
import type { QuotaSettings } from '../usage-plans/usage-plan-shape';
import { addDays, daysBetween, formatDay, periodStart, utcDay } from './usage-days';

export interface CounterDay {
  day: Date;
  used: number;
  adjustment: number;
}

export interface PlanQuota {
  quota: QuotaSettings | null;
  createdAt: Date;
}

/** The first day whose counters matter for [start, end]: the start of start's quota period. */
export const firstCountedDay = (plan: PlanQuota, start: Date): Date =>
  plan.quota ? periodStart(start, plan.quota.period) : start;

/** What the quota leaves at the end of `day` (negative when overdrawn); null without a quota. */
export function quotaLeft(plan: PlanQuota, counters: CounterDay[], day: Date): number | null {
  const { quota } = plan;
  if (!quota) return null;
  const from = periodStart(day, quota.period);
  const consumed = counters
    .filter((c) => c.day >= from && c.day <= day)
    .reduce((sum, c) => sum + c.used + c.adjustment, 0);
  const initial = from.getTime() === periodStart(utcDay(plan.createdAt), quota.period).getTime();
  return quota.limit - (initial ? quota.offset : 0) - consumed;
}

export const remainingAt = (plan: PlanQuota, counters: CounterDay[], day: Date): number =>
  Math.max(0, quotaLeft(plan, counters, day) ?? 0);

export function usageSeries(plan: PlanQuota, counters: CounterDay[], start: Date, end: Date): Array<[number, number]> {
  const byDay = new Map(counters.map((c) => [formatDay(c.day), c]));
  const series: Array<[number, number]> = [];
  for (let i = 0; i <= daysBetween(start, end); i++) {
    const day = addDays(start, i);
    series.push([byDay.get(formatDay(day))?.used ?? 0, remainingAt(plan, counters, day)]);
  }
  return series;
}

/** `{apiKeyId: [[used, remaining], …]}` for the given keys over [start, end]. */
export async function loadUsageValues(
  tx: Tx,
  usagePlanId: string,
  plan: PlanQuota,
  apiKeyIds: string[],
  start: Date,
  end: Date,
): Promise<Record<string, Array<[number, number]>>> {
  const rows = await tx.usageCounter.findMany({
    where: { usagePlanId, apiKeyId: { in: apiKeyIds }, day: { gte: firstCountedDay(plan, start), lte: end } },
  });
  const values: Record<string, Array<[number, number]>> = {};
  for (const apiKeyId of apiKeyIds) {
    const counters = rows.filter((r) => r.apiKeyId === apiKeyId);
    values[apiKeyId] = usageSeries(plan, counters, start, end);
  }
  return values;
}
