import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { type Page, type PageRequest, pageWindow, toPage } from '../paging';
import { toUsagePlan, USAGE_PLAN_INCLUDE, type UsagePlan } from './usage-plan-shape';

/** GetUsagePlans (the console's page uses list-usage-plans.ts), oldest first; `keyId` keeps the plans of that key. */
export async function getUsagePlans(
  actor: Actor,
  request: PageRequest & { keyId?: string } = {},
): Promise<Page<UsagePlan>> {
  authorize(actor, 'read');
  const window = pageWindow(request);
  const rows = await db().usagePlan.findMany({
    where: request.keyId ? { keys: { some: { apiKeyId: request.keyId } } } : {},
    include: USAGE_PLAN_INCLUDE,
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    skip: window.skip,
    take: window.take + 1,
  });
  const page = toPage(rows, window);
  return { ...page, items: page.items.map(toUsagePlan) };
}
