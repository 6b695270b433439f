// Marks the first start of an installation (the Account row AWS reports for GET /account), so that one-time work
// such as seeding runs exactly once, even against a shared database.
import { db } from '../../db/client';

/** Returns true for the caller that created the account row: that caller does the one-time work. */
export async function claimFirstStart(): Promise<boolean> {
  const result = await db().account.createMany({ data: [{ id: 'account' }], skipDuplicates: true });
  return result.count === 1;
}
