// Throwaway databases for integration and e2e tests, on a real PostgreSQL: the server named by DATABASE_URL when
// set (CI), otherwise an embedded PostgreSQL in a temporary directory (a machine with only Node).
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from './embedded-postgres';
import { migrateDeploy } from './migrate';

export interface TestServer {
  adminUrl: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export async function startTestServer(): Promise<TestServer> {
  const given = process.env.PORTICO_TEST_PG_ADMIN_URL || process.env.DATABASE_URL;
  if (given) return { adminUrl: given, stop: async () => {} };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portico-test-pg-'));
  fs.chmodSync(dir, 0o755);
  const server = await startEmbeddedPostgres({
    dir: path.join(dir, 'data'),
    port: await freePort(),
    persistent: false,
  });
  return {
    adminUrl: server.adminUrl,
    stop: async () => {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
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

/** Creates a fresh, migrated database on the server; `drop` removes it. */
export async function createTestDatabase(
  adminUrl: string,
  prefix = 'portico_test',
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  await admin(adminUrl, `CREATE DATABASE "${name}"`);
  const url = withDatabase(adminUrl, name);
  await migrateDeploy(url);
  return { url, drop: () => admin(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}
