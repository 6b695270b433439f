// AWS's Usage structure. Its `items` member travels as JSON key `values` (the SDK maps it back to `items`).
import type { QuotaSettings } from '../usage-plans/usage-plan-shape';
import type { PlanQuota } from './usage-series';

export interface Usage {
  usagePlanId: string;
  startDate: string;
  endDate: string;
  position?: string;
  values: Record<string, Array<[number, number]>>;
}

export const planQuota = (plan: { quota: unknown; createdAt: Date }): PlanQuota => ({
  quota: (plan.quota as QuotaSettings | null) ?? null,
  createdAt: plan.createdAt,
});
