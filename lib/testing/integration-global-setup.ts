// Integration tests run against a real PostgreSQL: a fresh, migrated database for the run, dropped afterwards.
// The server is PORTICO_TEST_PG_ADMIN_URL's or DATABASE_URL's, otherwise an embedded PostgreSQL started here.
import type { TestProject } from 'vitest/node';
import { createTestDatabase, startTestServer } from '../db/test-database';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startTestServer();
  const database = await createTestDatabase(server.adminUrl);
  project.provide('databaseUrl', database.url);
  return async () => {
    await database.drop();
    await server.stop();
  };
}
