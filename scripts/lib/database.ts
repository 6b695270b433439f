// The database a command runs against: DATABASE_URL when set, otherwise the embedded PostgreSQL in <dataDir>/postgres.
import path from 'node:path';
import { config } from '../../lib/config';
import { startEmbeddedPostgres } from '../../lib/db/embedded-postgres';

export interface ResolvedDatabase {
  url: string;
  mode: 'embedded' | 'external';
  stop(): Promise<void>;
}

export async function resolveDatabase(log: (line: string) => void = console.log): Promise<ResolvedDatabase> {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, mode: 'external', stop: async () => {} };
  }
  const dir = path.join(config.dataDir, 'postgres');
  log(`starting embedded PostgreSQL (data in ${dir}, port ${config.embeddedPostgresPort})`);
  const server = await startEmbeddedPostgres({ dir, port: config.embeddedPostgresPort, log });
  return { url: server.url, mode: 'embedded', stop: () => server.stop() };
}
