// DeleteUsagePlan: its api-stages, key memberships and usage counters go with it.
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { findUsagePlan } from './find-usage-plan';
import { notifyApiStages } from './notify-gateways';
import { toUsagePlan } from './usage-plan-shape';

export async function deleteUsagePlan(actor: Actor, usagePlanId: string): Promise<void> {
  authorize(actor, 'edit');
  await db().$transaction(async (tx) => {
    const before = await findUsagePlan(tx, usagePlanId);
    await tx.usagePlan.delete({ where: { id: usagePlanId } });
    await audit(tx, actor, {
      action: 'delete-usage-plan',
      targetType: 'UsagePlan',
      targetId: usagePlanId,
      before: toUsagePlan(before),
    });
    await notifyApiStages(tx, before.apiStages, 'usage-plan');
  });
}
