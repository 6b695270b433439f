// DeleteFunction: the function with every version and alias, or with a Qualifier one published version — never
// $LATEST, nor a version an alias routes to. A version that does not exist is nothing to delete (Lambda answers 204).
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { notifyConfigChange } from '../config-changes';
import { findLatest, findVersion, isVersionNumber, LATEST, lockFunction } from './find-function';
import { functionTarget } from './function-reference';
import { configurationFor, routingWeights } from './function-shape';
import { invalidParameter, resourceConflict } from './lambda-errors';

export async function deleteFunction(actor: Actor, name: string, qualifierParam: string | null = null): Promise<void> {
  authorize(actor, 'edit');
  const { functionName, qualifier } = functionTarget(name, qualifierParam);
  if (qualifier === LATEST) throw invalidParameter('$LATEST version cannot be deleted without deleting the function.');
  if (qualifier !== undefined && !isVersionNumber(qualifier)) {
    throw invalidParameter('Deletion of aliases is not supported.'); // (?)
  }
  await db().$transaction(async (tx) => {
    const fn = await lockFunction(tx, functionName);
    if (qualifier === undefined) {
      const latest = await findLatest(tx, fn);
      await tx.function.delete({ where: { id: fn.id } }); // versions and aliases go with it
      await notifyConfigChange(tx, { kind: 'functions', functionName });
      await audit(tx, actor, {
        action: 'delete-function',
        targetType: 'Function',
        targetId: functionName,
        before: configurationFor('masked', fn, latest),
      });
      return;
    }
    const version = await findVersion(tx, fn, qualifier);
    if (!version) return;
    const aliases = await tx.functionAlias.findMany({ where: { functionId: fn.id }, orderBy: { name: 'asc' } });
    const users = aliases.filter(
      (a) => a.functionVersion === qualifier || routingWeights(a)?.[qualifier] !== undefined,
    );
    if (users.length > 0) {
      throw resourceConflict(
        `Unable to delete version because the following aliases reference it: [${users.map((a) => a.name).join(', ')}]`,
      );
    }
    await tx.functionVersion.delete({ where: { id: version.id } });
    await notifyConfigChange(tx, { kind: 'functions', functionName });
    await audit(tx, actor, {
      action: 'delete-function-version',
      targetType: 'FunctionVersion',
      targetId: `${functionName}:${qualifier}`,
      before: configurationFor('masked', fn, version, { arnQualifier: qualifier }),
    });
  });
}
