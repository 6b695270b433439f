// GetAlias.
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { findFunction } from '../functions/find-function';
import { functionTarget } from '../functions/function-reference';
import { type AliasConfiguration, toAliasConfiguration } from '../functions/function-shape';
import { aliasNotFound } from '../functions/lambda-errors';
import { findAlias } from './find-alias';

export async function getAlias(actor: Actor, name: string, aliasName: string): Promise<AliasConfiguration> {
  authorize(actor, 'read');
  const { functionName } = functionTarget(name, false);
  const fn = await findFunction(db(), functionName);
  const alias = await findAlias(db(), fn, aliasName);
  if (!alias) throw aliasNotFound(functionName, aliasName);
  return toAliasConfiguration(fn, alias);
}
