import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, startTestServer, type TestServer } from './test-database';

let server: TestServer | undefined;

afterAll(async () => {
  await server?.stop();
});

describe('migrations', () => {
  it('apply to an empty database and create the whole data model', async () => {
    server = await startTestServer();
    const database = await createTestDatabase(server.adminUrl, 'portico_migrations');
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const tables = await client.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
      );
      expect(tables.rows.map((r) => r.table_name)).toEqual(
        expect.arrayContaining([
          'RestApi',
          'Resource',
          'Method',
          'MethodResponse',
          'Integration',
          'IntegrationResponse',
          'Model',
          'RequestValidator',
          'Authorizer',
          'GatewayResponse',
          'Deployment',
          'Stage',
          'ApiKey',
          'UsagePlan',
          'UsagePlanApiStage',
          'UsagePlanKey',
          'UsageCounter',
          'DomainName',
          'BasePathMapping',
          'Account',
          'Function',
          'FunctionVersion',
          'FunctionAlias',
          'User',
          'AccessKey',
          'AuditLog',
          'MetricMinute',
          'AccessLog',
          'ExecutionLog',
          '_prisma_migrations',
        ]),
      );
      const applied = await client.query('SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL');
      expect(applied.rowCount).toBeGreaterThan(0);
    } finally {
      await client.end();
      await database.drop();
    }
  });
});
