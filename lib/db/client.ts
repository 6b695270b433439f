// The one PrismaClient of a process, on PostgreSQL through the pg driver adapter (no native query engine).
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@prisma/client';

export type Db = PrismaClient;
export type Tx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

const globalForPrisma = globalThis as unknown as { porticoPrisma?: PrismaClient };

export function createPrismaClient(url = process.env.DATABASE_URL): PrismaClient {
  if (!url) throw new Error('DATABASE_URL is not set');
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
}

/** Lazily created so that importing a module never needs a database. */
export function db(): PrismaClient {
  globalForPrisma.porticoPrisma ??= createPrismaClient();
  return globalForPrisma.porticoPrisma;
}
