// UpdateAlias: another version, description or routing for an alias (RoutingConfig {} removes the routing), with
// RevisionId as a precondition.
import { Prisma } from '@prisma/client';
import { z } from 'zod';
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { notifyConfigChange } from '../config-changes';
import { lockFunction, nextModified } from '../functions/find-function';
import { functionSettings } from '../functions/function-input';
import { functionTarget } from '../functions/function-reference';
import {
  type AliasConfiguration,
  revisionId,
  routingWeights,
  storedRouting,
  toAliasConfiguration,
} from '../functions/function-shape';
import { aliasNotFoundForUpdate, revisionMismatch } from '../functions/lambda-errors';
import { parseLambdaInput } from '../functions/lambda-validation';
import { checkRoutingWeights, checkVersionsExist, functionVersion, routingConfig } from './alias-input';
import { findAlias } from './find-alias';

const updateAliasInput = z.object({
  FunctionVersion: functionVersion.optional(),
  Description: functionSettings.Description.optional(),
  RoutingConfig: routingConfig.optional(),
  RevisionId: z.string().optional(),
});

export async function updateAlias(
  actor: Actor,
  name: string,
  aliasName: string,
  input: unknown,
): Promise<AliasConfiguration> {
  authorize(actor, 'edit');
  const { functionName } = functionTarget(name, false);
  const data = parseLambdaInput(updateAliasInput, input);
  const { fn, alias } = await db().$transaction(async (tx) => {
    const fn = await lockFunction(tx, functionName);
    const before = await findAlias(tx, fn, aliasName);
    if (!before) throw aliasNotFoundForUpdate(functionName, aliasName);
    if (data.RevisionId && data.RevisionId !== revisionId(before)) throw revisionMismatch();
    const version = data.FunctionVersion ?? before.functionVersion;
    const weights = checkRoutingWeights(
      version,
      data.RoutingConfig ? data.RoutingConfig.AdditionalVersionWeights : routingWeights(before),
    );
    await checkVersionsExist(tx, fn, [version, ...Object.keys(weights ?? {})]);
    const alias = await tx.functionAlias.update({
      where: { id: before.id },
      data: {
        functionVersion: version,
        description: data.Description ?? before.description,
        routingConfig: storedRouting(weights) ?? Prisma.DbNull,
        updatedAt: nextModified(before.updatedAt),
      },
    });
    await notifyConfigChange(tx, { kind: 'functions', functionName });
    await audit(tx, actor, {
      action: 'update-alias',
      targetType: 'FunctionAlias',
      targetId: `${functionName}:${aliasName}`,
      before: toAliasConfiguration(fn, before),
      after: toAliasConfiguration(fn, alias),
    });
    return { fn, alias };
  });
  return toAliasConfiguration(fn, alias);
}
