import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { findUsagePlan } from './find-usage-plan';
import { toUsagePlan, type UsagePlan } from './usage-plan-shape';

export async function getUsagePlan(actor: Actor, usagePlanId: string): Promise<UsagePlan> {
  authorize(actor, 'read');
  return toUsagePlan(await findUsagePlan(db(), usagePlanId));
}
