// RemovePermission: takes a statement out of a function's (or qualifier's) resource-based policy.

import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { ServiceError } from '../errors';
import { lockFunction } from './find-function';
import { functionTarget } from './function-reference';

export async function removePermission(
  actor: Actor,
  name: string,
  statementId: string,
  qualifierParam: string | null,
): Promise<void> {
  authorize(actor, 'edit');
  const target = functionTarget(name, qualifierParam);
  const qualifier = target.qualifier ?? '';
  await db().$transaction(async (tx) => {
    const fn = await lockFunction(tx, target.functionName);
    const existing = await tx.functionPermission.findUnique({
      where: { functionId_qualifier_statementId: { functionId: fn.id, qualifier, statementId } },
    });
    if (!existing) {
      throw new ServiceError('ResourceNotFoundException', `Statement ${statementId} is not found in resource policy.`);
    }
    await tx.functionPermission.delete({ where: { id: existing.id } });
    await audit(tx, actor, {
      action: 'remove-permission',
      targetType: 'FunctionPermission',
      targetId: `${target.functionName}${qualifier ? `:${qualifier}` : ''}/${statementId}`,
      before: existing.statement,
    });
  });
}
