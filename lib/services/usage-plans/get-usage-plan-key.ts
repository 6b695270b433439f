import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { findUsagePlanKey } from './find-usage-plan';
import { mayReadValues, toUsagePlanKey, type UsagePlanKey } from './usage-plan-key-shape';

export async function getUsagePlanKey(actor: Actor, usagePlanId: string, apiKeyId: string): Promise<UsagePlanKey> {
  authorize(actor, 'read');
  const planKey = await findUsagePlanKey(db(), usagePlanId, apiKeyId);
  return toUsagePlanKey(planKey, { includeValue: mayReadValues(actor) });
}
