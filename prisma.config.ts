// Prisma CLI configuration. Prisma's native schema engine cannot be downloaded on our machines, so Migrate runs on
// the WebAssembly engine bundled in the `prisma` package, through a driver adapter (docs/decisions/0002-prisma.md).
import { defineConfig } from 'prisma/config';
import { migrationAdapter } from './prisma/migration-adapter';

// `prisma generate` (run at install) needs no database, but Prisma 6 falls back to downloading its native query
// engine unless DATABASE_URL looks like a PostgreSQL URL. Nothing connects to this placeholder.
if (!process.env.DATABASE_URL && process.argv.includes('generate')) {
  process.env.DATABASE_URL = 'postgresql://localhost:1/generate-only';
}

export default defineConfig({
  schema: 'prisma/schema.prisma',
  experimental: { adapter: true },
  engine: 'js',
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is not set: run Prisma through `npm run db:*` (scripts/with-database.ts)');
    return migrationAdapter(url);
  },
});
