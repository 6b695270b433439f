// DeleteAlias. The versions it pointed at stay; an alias that does not exist is nothing to delete (204).
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { notifyConfigChange } from '../config-changes';
import { lockFunction } from '../functions/find-function';
import { functionTarget } from '../functions/function-reference';
import { toAliasConfiguration } from '../functions/function-shape';
import { findAlias } from './find-alias';

export async function deleteAlias(actor: Actor, name: string, aliasName: string): Promise<void> {
  authorize(actor, 'edit');
  const { functionName } = functionTarget(name, false);
  await db().$transaction(async (tx) => {
    const fn = await lockFunction(tx, functionName);
    const alias = await findAlias(tx, fn, aliasName);
    if (!alias) return; // (?) Lambda lists no ResourceNotFoundException for DeleteAlias
    await tx.functionAlias.delete({ where: { id: alias.id } });
    await notifyConfigChange(tx, { kind: 'functions', functionName });
    await audit(tx, actor, {
      action: 'delete-alias',
      targetType: 'FunctionAlias',
      targetId: `${functionName}:${aliasName}`,
      before: toAliasConfiguration(fn, alias),
    });
  });
}
