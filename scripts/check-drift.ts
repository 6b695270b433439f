// `npm run db:drift`: exits 1 when the schema has changes that no migration records.
import { checkMigrationDrift } from '../lib/db/check-drift';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set (use npm run db:drift)');
const { drift, report } = await checkMigrationDrift(url);
if (drift) {
  console.error(`The schema and prisma/migrations disagree. Run \`npm run db:migrate\` to add a migration.\n${report}`);
  process.exit(1);
}
console.log('No drift: prisma/schema.prisma matches prisma/migrations.');
