// DeleteUsagePlanKey: the key leaves the plan (its usage counters for this plan stay, as GetUsage history).
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { findUsagePlan, findUsagePlanKey } from './find-usage-plan';
import { notifyApiStages } from './notify-gateways';
import { toUsagePlanKey } from './usage-plan-key-shape';

export async function deleteUsagePlanKey(actor: Actor, usagePlanId: string, apiKeyId: string): Promise<void> {
  authorize(actor, 'edit');
  await db().$transaction(async (tx) => {
    const before = await findUsagePlanKey(tx, usagePlanId, apiKeyId);
    const plan = await findUsagePlan(tx, usagePlanId);
    await tx.usagePlanKey.delete({ where: { usagePlanId_apiKeyId: { usagePlanId, apiKeyId } } });
    await audit(tx, actor, {
      action: 'delete-usage-plan-key',
      targetType: 'UsagePlanKey',
      targetId: `${usagePlanId}/${apiKeyId}`,
      before: toUsagePlanKey(before, { includeValue: false }),
    });
    await notifyApiStages(tx, plan.apiStages, 'usage-plan');
  });
}
