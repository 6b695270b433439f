import type { Stage as StageRow } from '@prisma/client';
import type { MethodSetting } from './method-settings';

export interface CanarySettings {
  percentTraffic?: number;
  deploymentId?: string;
  stageVariableOverrides?: Record<string, string>;
  useStageCache?: boolean;
}

export interface Stage {
  stageName: string;
  deploymentId: string;
  description?: string;
  cacheClusterEnabled: boolean;
  cacheClusterSize?: string;
  cacheClusterStatus: string;
  methodSettings: Record<string, MethodSetting>;
  variables?: Record<string, string>;
  accessLogSettings?: { format?: string; destinationArn?: string };
  canarySettings?: CanarySettings;
  tracingEnabled: boolean;
  clientCertificateId?: string;
  webAclArn?: string;
  documentationVersion?: string;
  tags?: Record<string, string>;
  createdDate: Date;
  lastUpdatedDate: Date;
}

const nonEmpty = (v: unknown): v is Record<string, unknown> =>
  Boolean(v) && typeof v === 'object' && Object.keys(v as object).length > 0;

export function toStage(row: StageRow): Stage {
  return {
    stageName: row.stageName,
    deploymentId: row.deploymentId,
    ...(row.description != null && { description: row.description }),
    cacheClusterEnabled: row.cacheClusterEnabled,
    ...(row.cacheClusterSize != null && { cacheClusterSize: row.cacheClusterSize }),
    cacheClusterStatus: row.cacheClusterStatus,
    methodSettings: row.methodSettings as unknown as Record<string, MethodSetting>,
    ...(nonEmpty(row.variables) && { variables: row.variables as Record<string, string> }),
    ...(nonEmpty(row.accessLogSettings) && { accessLogSettings: row.accessLogSettings as Stage['accessLogSettings'] }),
    ...(row.canarySettings != null && { canarySettings: row.canarySettings as CanarySettings }),
    tracingEnabled: row.tracingEnabled,
    ...(row.clientCertificateId != null && { clientCertificateId: row.clientCertificateId }),
    ...(row.webAclArn != null && { webAclArn: row.webAclArn }),
    ...(row.documentationVersion != null && { documentationVersion: row.documentationVersion }),
    ...(nonEmpty(row.tags) && { tags: row.tags as Record<string, string> }),
    createdDate: row.createdDate,
    lastUpdatedDate: row.lastUpdatedDate,
  };
}
