// `npm run db:*`: runs a command with DATABASE_URL pointing at Portico's database (the embedded one when unset).
import { resolveDatabase } from './lib/database';
import { run } from './lib/processes';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: tsx scripts/with-database.ts <command> [args...]');
  process.exit(2);
}
const database = await resolveDatabase();
let code = 1;
try {
  code = await run(command, args, { DATABASE_URL: database.url });
} finally {
  await database.stop();
}
process.exit(code);
