// An alias of a function, by name.
import type { Tx } from '../../db/client';
import type { AliasRow, FunctionRow } from '../functions/find-function';

export async function findAlias(tx: Tx, fn: FunctionRow, name: string): Promise<AliasRow | null> {
  return tx.functionAlias.findUnique({ where: { functionId_name: { functionId: fn.id, name } } });
}
