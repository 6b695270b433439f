// ListAliases: a function's aliases in name order, or only those pointing at FunctionVersion, paged.
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { findFunction } from '../functions/find-function';
import { functionTarget } from '../functions/function-reference';
import { type AliasConfiguration, toAliasConfiguration } from '../functions/function-shape';
import { type LambdaPageRequest, lambdaPage } from '../functions/lambda-paging';

export async function listAliases(
  actor: Actor,
  name: string,
  request: LambdaPageRequest & { functionVersion?: string | null },
): Promise<{ Aliases: AliasConfiguration[]; NextMarker?: string }> {
  authorize(actor, 'read');
  const { functionName } = functionTarget(name, false);
  const fn = await findFunction(db(), functionName);
  const aliases = await db().functionAlias.findMany({
    where: { functionId: fn.id, ...(request.functionVersion && { functionVersion: request.functionVersion }) },
    orderBy: { name: 'asc' },
  });
  const page = lambdaPage(aliases, request);
  return {
    Aliases: page.items.map((alias) => toAliasConfiguration(fn, alias)),
    ...(page.nextMarker && { NextMarker: page.nextMarker }),
  };
}
