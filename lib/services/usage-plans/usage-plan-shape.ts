// A UsagePlan row (with its api-stages) as AWS's UsagePlan structure.
import type { UsagePlanApiStage, UsagePlan as UsagePlanRow } from '@prisma/client';

export interface ThrottleSettings {
  rateLimit?: number;
  burstLimit?: number;
}

export type QuotaPeriod = 'DAY' | 'WEEK' | 'MONTH';

export interface QuotaSettings {
  limit: number;
  offset: number;
  period: QuotaPeriod;
}

export interface ApiStage {
  apiId: string;
  stage: string;
  /** "{resourcePath}/{METHOD}" → throttle, e.g. "/pets/GET"; the root is "//GET" */
  throttle?: Record<string, ThrottleSettings>;
}

export interface UsagePlan {
  id: string;
  name: string;
  description?: string;
  apiStages: ApiStage[];
  throttle?: ThrottleSettings;
  quota?: QuotaSettings;
  productCode?: string;
  tags?: Record<string, string>;
}

export const USAGE_PLAN_INCLUDE = {
  apiStages: { orderBy: [{ restApiId: 'asc' as const }, { stageName: 'asc' as const }] },
};

export type UsagePlanWithStages = UsagePlanRow & { apiStages: UsagePlanApiStage[] };

export function toApiStage(row: Pick<UsagePlanApiStage, 'restApiId' | 'stageName' | 'throttle'>): ApiStage {
  const throttle = row.throttle as Record<string, ThrottleSettings>;
  return {
    apiId: row.restApiId,
    stage: row.stageName,
    ...(Object.keys(throttle).length > 0 && { throttle }),
  };
}

export function toUsagePlan(row: UsagePlanWithStages): UsagePlan {
  const tags = row.tags as Record<string, string>;
  return {
    id: row.id,
    name: row.name,
    ...(row.description != null && { description: row.description }),
    apiStages: row.apiStages.map(toApiStage),
    ...(row.throttle != null && { throttle: row.throttle as ThrottleSettings }),
    ...(row.quota != null && { quota: row.quota as unknown as QuotaSettings }),
    ...(row.productCode != null && { productCode: row.productCode }),
    ...(Object.keys(tags).length > 0 && { tags }),
  };
}
