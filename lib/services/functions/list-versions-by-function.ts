// ListVersionsByFunction: $LATEST and every published version, in number order, each under its qualified ARN.
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { findFunction, versionColumns, versionOrder } from './find-function';
import { functionTarget } from './function-reference';
import { configurationFor, type FunctionConfiguration } from './function-shape';
import { type LambdaPageRequest, lambdaPage } from './lambda-paging';

export async function listVersionsByFunction(
  actor: Actor,
  name: string,
  request: LambdaPageRequest,
): Promise<{ Versions: FunctionConfiguration[]; NextMarker?: string }> {
  authorize(actor, 'read');
  const { functionName } = functionTarget(name, false);
  const fn = await findFunction(db(), functionName);
  const versions = await db().functionVersion.findMany({ where: { functionId: fn.id }, select: versionColumns });
  const page = lambdaPage(versions.sort(versionOrder), request);
  return {
    Versions: page.items.map((version) =>
      configurationFor(actor, fn, version, { arnQualifier: version.version, listing: true }),
    ),
    ...(page.nextMarker && { NextMarker: page.nextMarker }),
  };
}
