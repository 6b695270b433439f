// Finding an IP set by what WAF's requests name it by — Scope, Id and Name, which must all match (a right Id with
// another Name is a resource that does not exist) — optionally locked for the rest of the transaction.
import type { IpSet } from '@prisma/client';
import type { Tx } from '../../db/client';
import { nonexistentItem } from './waf-errors';

export interface EntityReference {
  scope: string;
  id: string;
  name: string;
}

export async function findIpSet(tx: Tx, ref: EntityReference): Promise<IpSet> {
  const row = await tx.ipSet.findUnique({ where: { id: ref.id } });
  if (!row || row.scope !== ref.scope || row.name !== ref.name) throw nonexistentItem();
  return row;
}

/** The IP set, its row locked (FOR UPDATE) until the transaction ends: for updates and deletes. */
export async function lockIpSet(tx: Tx, ref: EntityReference): Promise<IpSet> {
  await tx.$queryRaw`SELECT "id" FROM "IpSet" WHERE "id" = ${ref.id} FOR UPDATE`;
  return findIpSet(tx, ref);
}
