import type { Deployment as DeploymentRow } from '@prisma/client';

export interface Deployment {
  id: string;
  description?: string;
  createdDate: Date;
  apiSummary?: Record<string, Record<string, { authorizationType: string; apiKeyRequired: boolean }>>;
}

export function toDeployment(
  row: Pick<DeploymentRow, 'id' | 'description' | 'createdDate' | 'apiSummary'>,
  withSummary = false,
): Deployment {
  return {
    id: row.id,
    ...(row.description != null && { description: row.description }),
    createdDate: row.createdDate,
    ...(withSummary && { apiSummary: row.apiSummary as Deployment['apiSummary'] }),
  };
}

/** Everything but the snapshot, which can be large: listing never loads it. */
export const DEPLOYMENT_SUMMARY_SELECT = { id: true, description: true, createdDate: true, apiSummary: true } as const;
