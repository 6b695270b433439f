// Finding a web ACL by Scope, Id and Name (all three must match, as in WAF), optionally locked for the rest of the
// transaction.
import type { WebAcl } from '@prisma/client';
import type { Tx } from '../../db/client';
import type { EntityReference } from './find-ip-set';
import { nonexistentItem } from './waf-errors';

export async function findWebAcl(tx: Tx, ref: EntityReference): Promise<WebAcl> {
  const row = await tx.webAcl.findUnique({ where: { id: ref.id } });
  if (!row || row.scope !== ref.scope || row.name !== ref.name) throw nonexistentItem();
  return row;
}

/** The web ACL, its row locked (FOR UPDATE) until the transaction ends: for updates, deletes and associations. */
export async function lockWebAcl(tx: Tx, ref: EntityReference): Promise<WebAcl> {
  await tx.$queryRaw`SELECT "id" FROM "WebAcl" WHERE "id" = ${ref.id} FOR UPDATE`;
  return findWebAcl(tx, ref);
}
