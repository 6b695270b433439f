import type { Tx } from '../../db/client';
import { notFound } from '../errors';
import { USAGE_PLAN_INCLUDE, type UsagePlanWithStages } from './usage-plan-shape';

export const usagePlanNotFound = () => notFound('Invalid Usage Plan ID specified');
export const usagePlanKeyNotFound = () => notFound('Invalid Usage Plan Key identifier specified');

export async function findUsagePlan(tx: Tx, usagePlanId: string): Promise<UsagePlanWithStages> {
  const plan = await tx.usagePlan.findUnique({ where: { id: usagePlanId }, include: USAGE_PLAN_INCLUDE });
  if (!plan) throw usagePlanNotFound();
  return plan;
}

export async function findUsagePlanKey(tx: Tx, usagePlanId: string, apiKeyId: string) {
  await findUsagePlan(tx, usagePlanId);
  const planKey = await tx.usagePlanKey.findUnique({
    where: { usagePlanId_apiKeyId: { usagePlanId, apiKeyId } },
    include: { apiKey: true },
  });
  if (!planKey) throw usagePlanKeyNotFound();
  return planKey;
}
