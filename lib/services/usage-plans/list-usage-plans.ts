import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';

export interface UsagePlanSummary {
  id: string;
  name: string;
  description: string | null;
  apiStages: Array<{ apiId: string; stage: string }>;
  throttle: unknown;
  quota: unknown;
  keyCount: number;
}

export async function listUsagePlans(actor: Actor): Promise<UsagePlanSummary[]> {
  authorize(actor, 'read');
  const rows = await db().usagePlan.findMany({
    orderBy: { createdAt: 'asc' },
    include: { apiStages: true, _count: { select: { keys: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    description: row.description,
    apiStages: row.apiStages.map((s) => ({ apiId: s.restApiId, stage: s.stageName })),
    throttle: row.throttle,
    quota: row.quota,
    keyCount: row._count.keys,
  }));
}
