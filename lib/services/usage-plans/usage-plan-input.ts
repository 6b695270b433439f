// Validation shared by CreateUsagePlan, UpdateUsagePlan and CreateUsagePlanKey: throttles, quotas, api-stages (which
// must exist) and AWS's rule that a key belongs to at most one plan per api-stage.
import { z } from 'zod';
import type { Tx } from '../../db/client';
import { badRequest, conflict, notFound } from '../errors';
import type { ApiStageRef } from './notify-gateways';
import type { QuotaSettings, ThrottleSettings } from './usage-plan-shape';

export const MAX_METHOD_THROTTLES_PER_STAGE = 20;
const METHOD_THROTTLE_KEY = /^(\/\S*)\/(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|ANY|\*)$/;

export const throttleInput = z.object({
  rateLimit: z.number().min(0).optional(),
  burstLimit: z.number().int().min(0).optional(),
});

export const quotaInput = z.object({
  limit: z.number().int().min(0),
  offset: z.number().int().min(0).optional(),
  period: z.enum(['DAY', 'WEEK', 'MONTH']),
});

export const apiStageInput = z.object({
  apiId: z.string().min(1),
  stage: z.string().min(1),
  throttle: z.record(z.string(), throttleInput).optional(),
});

export function toQuota(input: z.infer<typeof quotaInput>): QuotaSettings {
  return { limit: input.limit, offset: input.offset ?? 0, period: input.period };
}

/** `apiId:stage` as the /apiStages patch paths and values write it. */
export function parseApiStageKey(text: string): ApiStageRef {
  const colon = text.indexOf(':');
  if (colon < 1 || colon === text.length - 1) {
    throw badRequest(`Invalid API Stage ${text} specified: expected apiId:stage`);
  }
  return { restApiId: text.slice(0, colon), stageName: text.slice(colon + 1) };
}

export function checkMethodThrottles(stageKey: string, throttle: Record<string, ThrottleSettings>): void {
  const keys = Object.keys(throttle);
  if (keys.length > MAX_METHOD_THROTTLES_PER_STAGE) {
    throw badRequest(
      `At most ${MAX_METHOD_THROTTLES_PER_STAGE} method throttles are allowed per API stage (${stageKey} has ${keys.length})`,
    );
  }
  for (const key of keys) {
    if (!METHOD_THROTTLE_KEY.test(key)) {
      throw badRequest(`Invalid method throttle key ${key} for ${stageKey}: expected {resourcePath}/{httpMethod}`);
    }
  }
}

export function checkQuota(quota: Partial<QuotaSettings> | null): QuotaSettings | null {
  if (quota === null) return null;
  if (quota.limit === undefined || quota.period === undefined) {
    throw badRequest('Invalid quota: both limit and period are required');
  }
  return { limit: quota.limit, offset: quota.offset ?? 0, period: quota.period };
}

export async function checkApiStageExists(tx: Tx, usagePlanId: string, ref: ApiStageRef): Promise<void> {
  const stage = await tx.stage.findUnique({
    where: { restApiId_stageName: { restApiId: ref.restApiId, stageName: ref.stageName } },
    select: { id: true },
  });
  if (!stage) {
    throw notFound(
      `Invalid API Stage {api: ${ref.restApiId}, stage: ${ref.stageName}} specified for usageplan ${usagePlanId}`,
    );
  }
}

/**
 * A key may be in only one plan per api-stage: fails when one of `apiKeyIds` is already in another plan that serves
 * one of `stages`.
 */
export async function checkKeyStageClash(
  tx: Tx,
  usagePlanId: string,
  apiKeyIds: string[],
  stages: ApiStageRef[],
): Promise<void> {
  if (apiKeyIds.length === 0 || stages.length === 0) return;
  const stageFilter = { OR: stages.map(({ restApiId, stageName }) => ({ restApiId, stageName })) };
  const clash = await tx.usagePlanKey.findFirst({
    where: {
      usagePlanId: { not: usagePlanId },
      apiKeyId: { in: apiKeyIds },
      usagePlan: { apiStages: { some: stageFilter } },
    },
    include: { usagePlan: { include: { apiStages: { where: stageFilter, take: 1 } } } },
  });
  const stage = clash?.usagePlan.apiStages[0];
  if (clash && stage) {
    throw conflict(
      `Usage Plan ${usagePlanId} cannot be added because API Key ${clash.apiKeyId} cannot reference multiple Usage Plans with the same API Stage: ${stage.restApiId}:${stage.stageName}`,
    );
  }
}
