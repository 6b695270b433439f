// Fails when prisma/schema.prisma and the checked-in migrations disagree (a schema change without its migration).
// `prisma migrate diff --exit-code` replays the migrations into a shadow database on the given server.
import { prismaCli } from './migrate';

export async function checkMigrationDrift(databaseUrl: string): Promise<{ drift: boolean; report: string }> {
  const args = [
    'migrate',
    'diff',
    '--from-migrations',
    'prisma/migrations',
    '--to-schema-datamodel',
    'prisma/schema.prisma',
    '--exit-code',
  ];
  try {
    const output = await prismaCli(args, { DATABASE_URL: databaseUrl });
    return { drift: false, report: output };
  } catch (error) {
    const report = error instanceof Error ? error.message : String(error);
    // Exit code 2 is "differences found"; anything else is a failure to check at all.
    if (/failed \(2\)/.test(report)) return { drift: true, report };
    throw error;
  }
}
