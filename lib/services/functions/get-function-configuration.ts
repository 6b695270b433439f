// GetFunctionConfiguration: the settings of $LATEST, a published version or the version an alias points at (its
// ARN qualified as asked). Environment values only for those who may edit; masked for Viewers.
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { resolveQualifier } from './find-function';
import { functionTarget } from './function-reference';
import { configurationFor, type FunctionConfiguration } from './function-shape';
import { functionNotFound } from './lambda-errors';

export async function getFunctionConfiguration(
  actor: Actor,
  name: string,
  qualifier: string | null = null,
): Promise<FunctionConfiguration> {
  authorize(actor, 'read');
  const target = functionTarget(name, qualifier);
  const fn = await db().function.findUnique({ where: { functionName: target.functionName } });
  if (!fn) throw functionNotFound(target.functionName, target.qualifier);
  const { version } = await resolveQualifier(db(), fn, target.qualifier);
  return configurationFor(actor, fn, version, { arnQualifier: target.qualifier });
}
