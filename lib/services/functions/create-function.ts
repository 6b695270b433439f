// CreateFunction: a function and its $LATEST version from a deployment package (Code.ZipFile: a zip archive or one
// JavaScript file), and with Publish, version 1 too, in one transaction.
import { Prisma } from '@prisma/client';
import { z } from 'zod';
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { notifyConfigChange } from '../config-changes';
import { LATEST, versionColumns } from './find-function';
import { readCodePackage, refuseOtherSources } from './function-code';
import { sealEnvironment } from './function-environment';
import {
  architectures,
  checkArchitectures,
  checkEnvironment,
  checkRuntime,
  checkTracing,
  functionSettings,
} from './function-input';
import { functionTarget } from './function-reference';
import { configurationFor, type FunctionConfiguration } from './function-shape';
import { invalidParameter, resourceConflict } from './lambda-errors';
import { oneOf, parseLambdaInput } from './lambda-validation';
import { publishLatest } from './publish-latest';

const createFunctionInput = z.object({
  FunctionName: z.string(),
  Runtime: functionSettings.Runtime.optional(),
  Role: functionSettings.Role,
  Handler: functionSettings.Handler.optional(),
  Code: z.object({
    ZipFile: z.string().optional(),
    S3Bucket: z.string().optional(),
    S3Key: z.string().optional(),
    S3ObjectVersion: z.string().optional(),
    ImageUri: z.string().optional(),
  }),
  Description: functionSettings.Description.optional(),
  Timeout: functionSettings.Timeout.optional(),
  MemorySize: functionSettings.MemorySize.optional(),
  Publish: z.boolean().optional(),
  PackageType: oneOf(['Zip', 'Image']).optional(),
  Environment: functionSettings.Environment.optional(),
  TracingConfig: functionSettings.TracingConfig.optional(),
  Architectures: architectures.optional(),
});

export async function createFunction(actor: Actor, input: unknown): Promise<FunctionConfiguration> {
  authorize(actor, 'edit');
  const data = parseLambdaInput(createFunctionInput, input);
  const { functionName } = functionTarget(data.FunctionName, false);
  if (data.PackageType === 'Image') {
    throw invalidParameter('Portico runs Zip packages only: PackageType Image is not supported'); // (?)
  }
  refuseOtherSources(data.Code);
  if (!data.Runtime || !data.Handler) {
    throw invalidParameter(
      'Runtime and Handler are mandatory parameters for functions created with deployment packages.',
    );
  }
  checkRuntime(data.Runtime);
  checkArchitectures(data.Architectures);
  checkTracing(data.TracingConfig?.Mode);
  const variables = data.Environment?.Variables ?? {};
  checkEnvironment(variables);
  const pkg = readCodePackage(data.Code.ZipFile);
  const settings = {
    description: data.Description ?? '',
    runtime: data.Runtime,
    handler: data.Handler,
    timeout: data.Timeout ?? 3,
    memorySize: data.MemorySize ?? 128,
  };

  try {
    const { fn, version } = await db().$transaction(async (tx) => {
      const fn = await tx.function.create({ data: { functionName, role: data.Role, ...settings } });
      let version = await tx.functionVersion.create({
        data: {
          functionId: fn.id,
          version: LATEST,
          ...settings,
          ...pkg,
          environmentEncrypted: sealEnvironment(variables),
        },
        select: versionColumns,
      });
      if (data.Publish) version = (await publishLatest(tx, fn)).version;
      await notifyConfigChange(tx, { kind: 'functions', functionName });
      await audit(tx, actor, {
        action: 'create-function',
        targetType: 'Function',
        targetId: fn.functionName,
        after: configurationFor('masked', fn, version),
      });
      return { fn, version };
    });
    // with Publish, Lambda answers version 1's configuration under the unqualified ARN
    return configurationFor(actor, fn, version);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw resourceConflict(`Function already exist: ${functionName}`);
    }
    throw error;
  }
}
