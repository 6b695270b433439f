// GetPolicy: the resource-based policy of a function (or of one of its versions or aliases), as a JSON string.
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { ServiceError } from '../errors';
import { findFunction } from './find-function';
import { policyDocument } from './function-policy';
import { functionTarget } from './function-reference';

export async function getPolicy(
  actor: Actor,
  name: string,
  qualifierParam: string | null,
): Promise<{ Policy: string }> {
  authorize(actor, 'read');
  const target = functionTarget(name, qualifierParam);
  const fn = await findFunction(db(), target.functionName);
  const statements = await db().functionPermission.findMany({
    where: { functionId: fn.id, qualifier: target.qualifier ?? '' },
    orderBy: { createdAt: 'asc' },
  });
  if (statements.length === 0) {
    throw new ServiceError('ResourceNotFoundException', 'The resource you requested does not exist.');
  }
  return { Policy: policyDocument(statements.map((s) => s.statement)) };
}
