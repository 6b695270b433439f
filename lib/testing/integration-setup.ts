import { afterAll, inject } from 'vitest';
import { db } from '../db/client';

process.env.DATABASE_URL = inject('databaseUrl');
process.env.PORTICO_DATA_DIR = inject('dataDir');
process.env.PORTICO_SECRET_KEY ??= '1'.repeat(64);

afterAll(async () => {
  await db().$disconnect();
});
