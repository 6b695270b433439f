// CreateAlias: a name for a version of a function, with weighted routing to a second version if asked.
import { z } from 'zod';
import { db } from '../../db/client';
import { functionArn } from '../../functions/function-arn';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { notifyConfigChange } from '../config-changes';
import { lockFunction } from '../functions/find-function';
import { functionSettings } from '../functions/function-input';
import { functionTarget } from '../functions/function-reference';
import { type AliasConfiguration, storedRouting, toAliasConfiguration } from '../functions/function-shape';
import { resourceConflict } from '../functions/lambda-errors';
import { parseLambdaInput } from '../functions/lambda-validation';
import { aliasName, checkRoutingWeights, checkVersionsExist, functionVersion, routingConfig } from './alias-input';
import { findAlias } from './find-alias';

const createAliasInput = z.object({
  Name: aliasName,
  FunctionVersion: functionVersion,
  Description: functionSettings.Description.optional(),
  RoutingConfig: routingConfig.optional(),
});

export async function createAlias(actor: Actor, name: string, input: unknown): Promise<AliasConfiguration> {
  authorize(actor, 'edit');
  const { functionName } = functionTarget(name, false);
  const data = parseLambdaInput(createAliasInput, input);
  const weights = checkRoutingWeights(data.FunctionVersion, data.RoutingConfig?.AdditionalVersionWeights);
  const { fn, alias } = await db().$transaction(async (tx) => {
    const fn = await lockFunction(tx, functionName);
    await checkVersionsExist(tx, fn, [data.FunctionVersion, ...Object.keys(weights ?? {})]);
    if (await findAlias(tx, fn, data.Name)) {
      throw resourceConflict(`Alias already exists: ${functionArn(functionName, data.Name)}`);
    }
    const alias = await tx.functionAlias.create({
      data: {
        functionId: fn.id,
        name: data.Name,
        functionVersion: data.FunctionVersion,
        description: data.Description ?? '',
        routingConfig: storedRouting(weights),
      },
    });
    await notifyConfigChange(tx, { kind: 'functions', functionName });
    await audit(tx, actor, {
      action: 'create-alias',
      targetType: 'FunctionAlias',
      targetId: `${functionName}:${alias.name}`,
      after: toAliasConfiguration(fn, alias),
    });
    return { fn, alias };
  });
  return toAliasConfiguration(fn, alias);
}
