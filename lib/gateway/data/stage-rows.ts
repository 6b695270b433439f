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
  /** the enabled API keys of the usage plans attached to this stage (value as its lookup hash, never in clear) */
  apiKeys: StageKeyRow[];
  /** a digest of those keys, for the safety-net poll (key changes do not touch the stage row) */
  keysVersion: string;
}

export interface StageKeyRow {
  id: string;
  valueHash: string;
  usagePlanId: string;
  /** the plan's throttle for each key: `{rateLimit, burstLimit}` or null */
  planThrottle: unknown;
  /** the plan's per-method throttles on this stage: `{"/pets/GET": {rateLimit, burstLimit}}` */
  methodThrottles: unknown;
  /** the plan's quota: `{limit, offset, period}` or null */
  quota: unknown;
  /** when the plan was created (its first quota period takes the offset) */
  planCreatedAt: string;
}

/** The enabled API keys of the usage plans attached to stage `s` (§6.2: only those open its apiKeyRequired methods). */
const STAGE_KEYS = `
      FROM "UsagePlanApiStage" ps
      JOIN "UsagePlan" p ON p."id" = ps."usagePlanId"
      JOIN "UsagePlanKey" pk ON pk."usagePlanId" = ps."usagePlanId"
      JOIN "ApiKey" k ON k."id" = pk."apiKeyId"
     WHERE ps."restApiId" = s."restApiId" AND ps."stageName" = s."stageName" AND k."enabled"`;
const KEYS_VERSION = `(SELECT md5(COALESCE(string_agg(
      k."id" || ':' || k."valueHash" || ':' || p."id" || ':' || COALESCE(p."throttle"::text, '') || ':' || ps."throttle"::text || ':' || COALESCE(p."quota"::text, ''),
      ',' ORDER BY k."id"), ''))
    ${STAGE_KEYS}) AS "keysVersion"`;

const SELECT_STAGES = `
  SELECT s."restApiId", s."stageName", s."deploymentId", d."snapshot", s."variables", s."methodSettings",
         s."canarySettings", c."snapshot" AS "canarySnapshot", s."cacheClusterEnabled", s."accessLogSettings",
         s."tracingEnabled", a."disableExecuteApiEndpoint", s."lastUpdatedDate",
         COALESCE((SELECT json_agg(json_build_object('id', k."id", 'valueHash', k."valueHash",
                                                     'usagePlanId', p."id", 'planThrottle', p."throttle",
                                                     'methodThrottles', ps."throttle", 'quota', p."quota",
                                                     'planCreatedAt', p."createdAt")) ${STAGE_KEYS}),
                  '[]'::json) AS "apiKeys",
         ${KEYS_VERSION}
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

export type StageVersionRow = Pick<StageRow, 'restApiId' | 'stageName' | 'lastUpdatedDate' | 'keysVersion'>;

/** For the safety-net poll: which stages exist and when each (or its set of API keys) last changed. */
export async function selectStageVersions(pool: pg.Pool): Promise<StageVersionRow[]> {
  return (
    await pool.query<StageVersionRow>(
      `SELECT s."restApiId", s."stageName", s."lastUpdatedDate", ${KEYS_VERSION} FROM "Stage" s`,
    )
  ).rows;
}

/** What the gateway compares to tell a loaded stage from a changed one. */
export function stageVersion(row: Pick<StageRow, 'lastUpdatedDate' | 'keysVersion'>): string {
  return `${new Date(row.lastUpdatedDate).getTime()}:${row.keysVersion}`;
}
