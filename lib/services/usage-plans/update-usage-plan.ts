// UpdateUsagePlan: AWS's patch operations (see usage-plan-patch.ts), applied all or nothing. Added api-stages must
// exist and must not give one of the plan's keys a second plan on the same api-stage.
import { Prisma } from '@prisma/client';
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { parsePatchOperations } from '../patch/patch-operations';
import { findUsagePlan } from './find-usage-plan';
import { notifyApiStages } from './notify-gateways';
import {
  checkApiStageExists,
  checkKeyStageClash,
  checkMethodThrottles,
  checkQuota,
  parseApiStageKey,
} from './usage-plan-input';
import { applyUsagePlanPatch, type UsagePlanState } from './usage-plan-patch';
import {
  type QuotaSettings,
  type ThrottleSettings,
  toUsagePlan,
  USAGE_PLAN_INCLUDE,
  type UsagePlan,
} from './usage-plan-shape';

const json = (value: object): Prisma.InputJsonValue => value as Prisma.InputJsonValue;

export async function updateUsagePlan(actor: Actor, usagePlanId: string, input: unknown): Promise<UsagePlan> {
  authorize(actor, 'edit');
  const operations = parsePatchOperations(input);
  const row = await db().$transaction(async (tx) => {
    const before = await findUsagePlan(tx, usagePlanId);
    const state: UsagePlanState = {
      name: before.name,
      description: before.description,
      productCode: before.productCode,
      throttle: before.throttle as ThrottleSettings | null,
      quota: before.quota as Partial<QuotaSettings> | null,
      apiStages: new Map(
        before.apiStages.map((s) => [
          `${s.restApiId}:${s.stageName}`,
          { ...(s.throttle as Record<string, ThrottleSettings>) },
        ]),
      ),
    };
    for (const op of operations) applyUsagePlanPatch(state, op);
    const quota = checkQuota(state.quota);
    for (const [key, throttle] of state.apiStages) checkMethodThrottles(key, throttle);

    const existing = new Set(before.apiStages.map((s) => `${s.restApiId}:${s.stageName}`));
    const added = [...state.apiStages.keys()].filter((key) => !existing.has(key)).map(parseApiStageKey);
    for (const ref of added) await checkApiStageExists(tx, usagePlanId, ref);
    const keys = await tx.usagePlanKey.findMany({ where: { usagePlanId }, select: { apiKeyId: true } });
    await checkKeyStageClash(
      tx,
      usagePlanId,
      keys.map((k) => k.apiKeyId),
      added,
    );

    const removed = before.apiStages.filter((s) => !state.apiStages.has(`${s.restApiId}:${s.stageName}`));
    await tx.usagePlanApiStage.deleteMany({ where: { id: { in: removed.map((s) => s.id) } } });
    for (const [key, throttle] of state.apiStages) {
      const { restApiId, stageName } = parseApiStageKey(key);
      await tx.usagePlanApiStage.upsert({
        where: { usagePlanId_restApiId_stageName: { usagePlanId, restApiId, stageName } },
        create: { usagePlanId, restApiId, stageName, throttle: json(throttle) },
        update: { throttle: json(throttle) },
      });
    }
    const after = await tx.usagePlan.update({
      where: { id: usagePlanId },
      data: {
        name: state.name,
        description: state.description,
        productCode: state.productCode,
        throttle: state.throttle ? json(state.throttle) : Prisma.DbNull,
        quota: quota ? json(quota) : Prisma.DbNull,
      },
      include: USAGE_PLAN_INCLUDE,
    });
    await audit(tx, actor, {
      action: 'update-usage-plan',
      targetType: 'UsagePlan',
      targetId: usagePlanId,
      before: toUsagePlan(before),
      after: toUsagePlan(after),
    });
    await notifyApiStages(tx, [...before.apiStages, ...after.apiStages], 'usage-plan');
    return after;
  });
  return toUsagePlan(row);
}
