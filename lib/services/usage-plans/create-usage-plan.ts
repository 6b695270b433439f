// CreateUsagePlan: the plan with its api-stages (each an existing stage) and their method throttles.
import { z } from 'zod';
import { db } from '../../db/client';
import { newShortId } from '../../ids';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { badRequest, ServiceError } from '../errors';
import { parseInput } from '../validation';
import { notifyApiStages } from './notify-gateways';
import {
  apiStageInput,
  checkApiStageExists,
  checkMethodThrottles,
  quotaInput,
  throttleInput,
  toQuota,
} from './usage-plan-input';
import { toUsagePlan, USAGE_PLAN_INCLUDE, type UsagePlan } from './usage-plan-shape';

export const MAX_USAGE_PLANS = 300;

const createUsagePlanInput = z.object({
  name: z.string().trim().min(1, 'Member must not be blank').max(1024),
  description: z.string().max(4096).optional(),
  apiStages: z.array(apiStageInput).optional(),
  throttle: throttleInput.optional(),
  quota: quotaInput.optional(),
  productCode: z.string().optional(),
  tags: z.record(z.string(), z.string()).optional(),
});

export async function createUsagePlan(actor: Actor, input: unknown): Promise<UsagePlan> {
  authorize(actor, 'edit');
  const data = parseInput(createUsagePlanInput, input);
  const apiStages = data.apiStages ?? [];
  const seen = new Set<string>();
  for (const { apiId, stage, throttle } of apiStages) {
    const key = `${apiId}:${stage}`;
    if (seen.has(key)) throw badRequest(`Duplicate API Stage ${key} specified`);
    seen.add(key);
    checkMethodThrottles(key, throttle ?? {});
  }
  const id = newShortId();
  const row = await db().$transaction(async (tx) => {
    if ((await tx.usagePlan.count()) >= MAX_USAGE_PLANS) {
      throw new ServiceError('LimitExceededException', `An account can have at most ${MAX_USAGE_PLANS} usage plans`);
    }
    const refs = apiStages.map(({ apiId, stage }) => ({ restApiId: apiId, stageName: stage }));
    for (const ref of refs) await checkApiStageExists(tx, id, ref);
    const plan = await tx.usagePlan.create({
      data: {
        id,
        name: data.name,
        description: data.description,
        throttle: data.throttle,
        quota: data.quota ? { ...toQuota(data.quota) } : undefined,
        productCode: data.productCode,
        tags: data.tags ?? {},
        apiStages: {
          create: apiStages.map(({ apiId, stage, throttle }) => ({
            restApiId: apiId,
            stageName: stage,
            throttle: throttle ?? {},
          })),
        },
      },
      include: USAGE_PLAN_INCLUDE,
    });
    await audit(tx, actor, {
      action: 'create-usage-plan',
      targetType: 'UsagePlan',
      targetId: id,
      after: toUsagePlan(plan),
    });
    await notifyApiStages(tx, refs, 'usage-plan');
    return plan;
  });
  return toUsagePlan(row);
}
