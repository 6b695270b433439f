// Integration tests run against a real PostgreSQL: a fresh, migrated database for the run, dropped afterwards.
// The server is PORTICO_TEST_PG_ADMIN_URL's or DATABASE_URL's, otherwise an embedded PostgreSQL started here.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createTestDatabase, startTestServer } from '../db/test-database';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    /** the run's data folder (functions unpacked by the gateways under test), never the developer's .data */
    dataDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startTestServer();
  const database = await createTestDatabase(server.adminUrl);
  project.provide('databaseUrl', database.url);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portico-integration-'));
  project.provide('dataDir', dataDir);
  return async () => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    await database.drop();
    await server.stop();
  };
}
