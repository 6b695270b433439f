// UpdateFunctionConfiguration: new settings for $LATEST (and the function row the console lists), in one
// transaction; Environment replaces every variable. Published versions keep theirs.
import { z } from 'zod';
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { notifyConfigChange } from '../config-changes';
import { findLatest, lockFunction, nextModified, versionColumns } from './find-function';
import { sealEnvironment } from './function-environment';
import { checkEnvironment, checkRuntime, checkTracing, functionSettings } from './function-input';
import { functionTarget } from './function-reference';
import { configurationFor, type FunctionConfiguration, revisionId } from './function-shape';
import { revisionMismatch } from './lambda-errors';
import { parseLambdaInput } from './lambda-validation';

const updateFunctionConfigurationInput = z.object({
  Role: functionSettings.Role.optional(),
  Handler: functionSettings.Handler.optional(),
  Description: functionSettings.Description.optional(),
  Timeout: functionSettings.Timeout.optional(),
  MemorySize: functionSettings.MemorySize.optional(),
  Environment: functionSettings.Environment.optional(),
  Runtime: functionSettings.Runtime.optional(),
  TracingConfig: functionSettings.TracingConfig.optional(),
  RevisionId: z.string().optional(),
});

export async function updateFunctionConfiguration(
  actor: Actor,
  name: string,
  input: unknown,
): Promise<FunctionConfiguration> {
  authorize(actor, 'edit');
  const { functionName } = functionTarget(name, false);
  const data = parseLambdaInput(updateFunctionConfigurationInput, input);
  if (data.Runtime !== undefined) checkRuntime(data.Runtime);
  checkTracing(data.TracingConfig?.Mode);
  const variables = data.Environment && (data.Environment.Variables ?? {});
  if (variables) checkEnvironment(variables);

  const { fn, version } = await db().$transaction(async (tx) => {
    const before = await lockFunction(tx, functionName);
    const latest = await findLatest(tx, before);
    if (data.RevisionId && data.RevisionId !== revisionId(latest)) throw revisionMismatch();
    const settings = {
      description: data.Description ?? latest.description,
      runtime: data.Runtime ?? latest.runtime,
      handler: data.Handler ?? latest.handler,
      timeout: data.Timeout ?? latest.timeout,
      memorySize: data.MemorySize ?? latest.memorySize,
    };
    const version = await tx.functionVersion.update({
      where: { id: latest.id },
      data: {
        ...settings,
        ...(variables && { environmentEncrypted: sealEnvironment(variables) }),
        updatedAt: nextModified(latest.updatedAt),
      },
      select: versionColumns,
    });
    const fn = await tx.function.update({
      where: { id: before.id },
      data: { ...settings, role: data.Role ?? before.role },
    });
    await notifyConfigChange(tx, { kind: 'functions', functionName });
    await audit(tx, actor, {
      action: 'update-function-configuration',
      targetType: 'Function',
      targetId: functionName,
      before: configurationFor('masked', before, latest),
      after: configurationFor('masked', fn, version),
    });
    return { fn, version };
  });
  return configurationFor(actor, fn, version);
}
