import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { type Page, type PageRequest, pageWindow, toPage } from '../paging';
import { findUsagePlan } from './find-usage-plan';
import { mayReadValues, toUsagePlanKey, type UsagePlanKey } from './usage-plan-key-shape';

/** GetUsagePlanKeys, in the order keys joined; `nameQuery` keeps keys whose name starts with it. */
export async function getUsagePlanKeys(
  actor: Actor,
  usagePlanId: string,
  request: PageRequest & { nameQuery?: string } = {},
): Promise<Page<UsagePlanKey>> {
  authorize(actor, 'read');
  const window = pageWindow(request);
  await findUsagePlan(db(), usagePlanId);
  const rows = await db().usagePlanKey.findMany({
    where: { usagePlanId, ...(request.nameQuery && { apiKey: { name: { startsWith: request.nameQuery } } }) },
    include: { apiKey: true },
    orderBy: [{ createdAt: 'asc' }, { apiKeyId: 'asc' }],
    skip: window.skip,
    take: window.take + 1,
  });
  const page = toPage(rows, window);
  const includeValue = mayReadValues(actor);
  return { ...page, items: page.items.map((row) => toUsagePlanKey(row, { includeValue })) };
}
