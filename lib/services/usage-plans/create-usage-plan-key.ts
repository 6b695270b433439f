// CreateUsagePlanKey: an API key joins a plan (at most one plan per api-stage, at most 10 plans per key).
import { z } from 'zod';
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { findApiKey } from '../api-keys/find-api-key';
import { audit } from '../audit';
import { badRequest, conflict, ServiceError } from '../errors';
import { parseInput } from '../validation';
import { findUsagePlan } from './find-usage-plan';
import { notifyApiStages } from './notify-gateways';
import { checkKeyStageClash } from './usage-plan-input';
import { toUsagePlanKey, type UsagePlanKey } from './usage-plan-key-shape';

export const MAX_PLANS_PER_KEY = 10;

const createUsagePlanKeyInput = z.object({
  keyId: z.string().min(1),
  keyType: z.string().min(1),
});

export async function createUsagePlanKey(actor: Actor, usagePlanId: string, input: unknown): Promise<UsagePlanKey> {
  authorize(actor, 'edit');
  const data = parseInput(createUsagePlanKeyInput, input);
  if (data.keyType !== 'API_KEY') throw badRequest(`Invalid key type specified: ${data.keyType}. Valid value: API_KEY`);
  const row = await db().$transaction(async (tx) => {
    const plan = await findUsagePlan(tx, usagePlanId);
    await findApiKey(tx, data.keyId);
    const memberships = await tx.usagePlanKey.findMany({
      where: { apiKeyId: data.keyId },
      select: { usagePlanId: true },
    });
    if (memberships.some((m) => m.usagePlanId === usagePlanId)) {
      throw conflict(`API Key ${data.keyId} is already a member of Usage Plan ${usagePlanId}`);
    }
    if (memberships.length >= MAX_PLANS_PER_KEY) {
      throw new ServiceError('LimitExceededException', `An API key can be in at most ${MAX_PLANS_PER_KEY} usage plans`);
    }
    await checkKeyStageClash(tx, usagePlanId, [data.keyId], plan.apiStages);
    const planKey = await tx.usagePlanKey.create({
      data: { usagePlanId, apiKeyId: data.keyId, keyType: data.keyType },
      include: { apiKey: true },
    });
    await audit(tx, actor, {
      action: 'create-usage-plan-key',
      targetType: 'UsagePlanKey',
      targetId: `${usagePlanId}/${data.keyId}`,
      after: toUsagePlanKey(planKey, { includeValue: false }),
    });
    await notifyApiStages(tx, plan.apiStages, 'usage-plan');
    return planKey;
  });
  return toUsagePlanKey(row, { includeValue: true });
}
