// GetUsage: per key, one [used, remaining] pair per day from startDate to endDate (UTC, inclusive). Keys are the
// plan's keys plus any key with counted usage in the range; paged over keys, in key id order.
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { badRequest } from '../errors';
import { type PageRequest, pageWindow, toPage } from '../paging';
import { findUsagePlan } from '../usage-plans/find-usage-plan';
import { daysBetween, parseDay } from './usage-days';
import { loadUsageValues } from './usage-series';
import { planQuota, type Usage } from './usage-shape';

/** Bounds the response: one pair per key and day. */
export const MAX_USAGE_DAYS = 366;

export interface GetUsageRequest extends PageRequest {
  keyId?: string;
  startDate?: string;
  endDate?: string;
}

function requireDay(text: string | undefined, name: string): Date {
  if (!text) throw badRequest(`The ${name} parameter is required`);
  const day = parseDay(text);
  if (!day) throw badRequest(`Invalid ${name} specified: ${text}. Dates are written yyyy-MM-dd`);
  return day;
}

export async function getUsage(actor: Actor, usagePlanId: string, request: GetUsageRequest): Promise<Usage> {
  authorize(actor, 'read');
  const start = requireDay(request.startDate, 'startDate');
  const end = requireDay(request.endDate, 'endDate');
  if (end < start) throw badRequest('The endDate must not be before the startDate');
  if (daysBetween(start, end) >= MAX_USAGE_DAYS) {
    throw badRequest(`The date range may cover at most ${MAX_USAGE_DAYS} days`);
  }
  const window = pageWindow(request);
  const tx = db();
  const plan = await findUsagePlan(tx, usagePlanId);
  const keyFilter = request.keyId ? { apiKeyId: request.keyId } : {};
  const [members, counted] = await Promise.all([
    tx.usagePlanKey.findMany({ where: { usagePlanId, ...keyFilter }, select: { apiKeyId: true } }),
    tx.usageCounter.findMany({
      where: { usagePlanId, ...keyFilter, day: { gte: start, lte: end } },
      select: { apiKeyId: true },
      distinct: ['apiKeyId'],
    }),
  ]);
  const keyIds = [...new Set([...members, ...counted].map((k) => k.apiKeyId))].sort();
  const page = toPage(keyIds.slice(window.skip, window.skip + window.take + 1), window);
  return {
    usagePlanId,
    startDate: request.startDate as string,
    endDate: request.endDate as string,
    ...(page.position && { position: page.position }),
    values: await loadUsageValues(tx, usagePlanId, planQuota(plan), page.items, start, end),
  };
}
