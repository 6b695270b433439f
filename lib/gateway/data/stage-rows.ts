// The gateway's named queries for stages: everything it serves, read in one statement each. The gateway never writes
// configuration and never queries the database per request.
import type pg from 'pg';

export interface StageRow {
  restApiId: string;
  stageName: string;
  deploymentId: string;
  snapshot: unknown;
  variables: Record<string, string>;
  methodSettings: Record<string, unknown>;
  canarySettings: {
    percentTraffic?: number;
    deploymentId?: string;
    stageVariableOverrides?: Record<string, string>;
    useStageCache?: boolean;
  } | null;
  canarySnapshot: unknown | null;
  cacheClusterEnabled: boolean;
  accessLogSettings: { format?: string; destinationArn?: string } | null;
  tracingEnabled: boolean;
  disableExecuteApiEndpoint: boolean;
  lastUpdatedDate: Date;
}

const SELECT_STAGES = `
  SELECT s."restApiId", s."stageName", s."deploymentId", d."snapshot", s."variables", s."methodSettings",
         s."canarySettings", c."snapshot" AS "canarySnapshot", s."cacheClusterEnabled", s."accessLogSettings",
         s."tracingEnabled", a."disableExecuteApiEndpoint", s."lastUpdatedDate"
    FROM "Stage" s
    JOIN "Deployment" d ON d."id" = s."deploymentId"
    JOIN "RestApi" a ON a."id" = s."restApiId"
    LEFT JOIN "Deployment" c ON c."id" = s."canaryDeploymentId"`;

export async function selectAllStages(pool: pg.Pool): Promise<StageRow[]> {
  return (await pool.query<StageRow>(SELECT_STAGES)).rows;
}

export async function selectStage(pool: pg.Pool, restApiId: string, stageName: string): Promise<StageRow | null> {
  const result = await pool.query<StageRow>(`${SELECT_STAGES} WHERE s."restApiId" = $1 AND s."stageName" = $2`, [
    restApiId,
    stageName,
  ]);
  return result.rows[0] ?? null;
}

/** For the safety-net poll: which stages exist and when each last changed. */
export async function selectStageVersions(
  pool: pg.Pool,
): Promise<Array<{ restApiId: string; stageName: string; lastUpdatedDate: Date }>> {
  return (
    await pool.query<{ restApiId: string; stageName: string; lastUpdatedDate: Date }>(
      'SELECT "restApiId", "stageName", "lastUpdatedDate" FROM "Stage"',
    )
  ).rows;
}
