// UpdateUsage (`replace /remaining` N): records an adjustment on today's UsageCounter row so that what remains of the
// key's quota in the current period becomes N. Answers the key's usage since the period began.
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { findApiKey } from '../api-keys/find-api-key';
import { audit } from '../audit';
import { badRequest } from '../errors';
import { invalidPatchPath, parseInteger, parsePatchOperations, unsupportedOperation } from '../patch/patch-operations';
import { findUsagePlan, usagePlanKeyNotFound } from '../usage-plans/find-usage-plan';
import { notifyApiStages } from '../usage-plans/notify-gateways';
import { formatDay, periodStart, utcDay } from './usage-days';
import { loadUsageValues, quotaLeft, remainingAt } from './usage-series';
import { planQuota, type Usage } from './usage-shape';

const MAX_INT = 2_147_483_647;

export async function updateUsage(actor: Actor, usagePlanId: string, apiKeyId: string, input: unknown): Promise<Usage> {
  authorize(actor, 'edit');
  let remaining: number | undefined;
  for (const op of parsePatchOperations(input)) {
    if (op.path !== '/remaining') throw invalidPatchPath(op);
    if (op.op !== 'replace') throw unsupportedOperation(op);
    remaining = parseInteger(op, 0, MAX_INT);
  }
  if (remaining === undefined) throw badRequest('Invalid patch operations: replace /remaining is required');
  const target = remaining;
  return db().$transaction(async (tx) => {
    const plan = await findUsagePlan(tx, usagePlanId);
    await findApiKey(tx, apiKeyId);
    const member = await tx.usagePlanKey.findUnique({ where: { usagePlanId_apiKeyId: { usagePlanId, apiKeyId } } });
    if (!member) throw usagePlanKeyNotFound();
    const quotaPlan = planQuota(plan);
    if (!quotaPlan.quota)
      throw badRequest(`Usage plan ${usagePlanId} has no quota, so there is no remaining usage to set`);
    const today = utcDay(new Date());
    const from = periodStart(today, quotaPlan.quota.period);
    const counters = await tx.usageCounter.findMany({
      where: { usagePlanId, apiKeyId, day: { gte: from, lte: today } },
    });
    const previous = remainingAt(quotaPlan, counters, today);
    const left = quotaLeft(quotaPlan, counters, today) ?? 0;
    const todayRow = counters.find((c) => c.day.getTime() === today.getTime());
    const adjustment = (todayRow?.adjustment ?? 0) + left - target;
    await tx.usageCounter.upsert({
      where: { usagePlanId_apiKeyId_day: { usagePlanId, apiKeyId, day: today } },
      create: { usagePlanId, apiKeyId, day: today, adjustment },
      update: { adjustment },
    });
    await audit(tx, actor, {
      action: 'update-usage',
      targetType: 'UsagePlanKey',
      targetId: `${usagePlanId}/${apiKeyId}`,
      before: { remaining: previous },
      after: { remaining: target },
    });
    await notifyApiStages(tx, plan.apiStages, 'usage-plan');
    return {
      usagePlanId,
      startDate: formatDay(from),
      endDate: formatDay(today),
      values: await loadUsageValues(tx, usagePlanId, quotaPlan, [apiKeyId], from, today),
    };
  });
}
