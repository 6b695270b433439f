// ListFunctions: every function's $LATEST configuration in name order, or with FunctionVersion=ALL every version
// (qualified ARNs), paged by Marker / MaxItems. (The console's summary list is list-functions.ts.)
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { LATEST, versionColumns, versionOrder } from './find-function';
import { configurationFor, type FunctionConfiguration } from './function-shape';
import { validationError, violation } from './lambda-errors';
import { type LambdaPageRequest, lambdaPage } from './lambda-paging';

export async function listFunctionConfigurations(
  actor: Actor,
  request: LambdaPageRequest & { functionVersion?: string | null },
): Promise<{ Functions: FunctionConfiguration[]; NextMarker?: string }> {
  authorize(actor, 'read');
  const all = request.functionVersion === 'ALL';
  if (request.functionVersion && !all) {
    throw validationError([
      violation('functionVersion', request.functionVersion, 'Member must satisfy enum value set: [ALL]'),
    ]);
  }
  const functions = await db().function.findMany({
    orderBy: { functionName: 'asc' },
    include: { versions: { ...(!all && { where: { version: LATEST } }), select: versionColumns } },
  });
  const rows = functions.flatMap((fn) => [...fn.versions].sort(versionOrder).map((version) => ({ fn, version })));
  const page = lambdaPage(rows, request);
  return {
    Functions: page.items.map(({ fn, version }) =>
      configurationFor(actor, fn, version, { arnQualifier: all ? version.version : undefined, listing: true }),
    ),
    ...(page.nextMarker && { NextMarker: page.nextMarker }),
  };
}
