// The gateway's side of the benchmark: a fresh migrated database, and in it an API deployed with Portico's own
// services — `/{proxy+}` ANY, HTTP_PROXY to the backend with `integration.request.path.proxy`, stage `bench`.
import pg from 'pg';
import { createTestDatabase, startTestServer } from '../../lib/db/test-database';

export const DEFAULT_PG_ADMIN_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';
export const STAGE = 'bench';

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

/**
 * PORTICO_BENCH_PG_ADMIN_URL when set, else the local PostgreSQL on 127.0.0.1:5432 when it answers, else the test
 * server of lib/db/test-database.ts (an embedded PostgreSQL in a temporary directory).
 */
export async function benchDatabase(): Promise<BenchDatabase> {
  const given = process.env.PORTICO_BENCH_PG_ADMIN_URL;
  let adminUrl = given ?? DEFAULT_PG_ADMIN_URL;
  let stopServer = async () => {};
  let server = given ? 'PORTICO_BENCH_PG_ADMIN_URL' : 'local PostgreSQL (127.0.0.1:5432)';
  if (!given && !(await reachable(adminUrl))) {
    const test = await startTestServer();
    adminUrl = test.adminUrl;
    stopServer = test.stop;
    server = 'embedded PostgreSQL (startTestServer)';
  }
  const database = await createTestDatabase(adminUrl, 'portico_bench');
  return {
    url: database.url,
    server,
    async release() {
      await database.drop().catch(() => {});
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
