// UpdateFunctionCode: a new deployment package for $LATEST (ZipFile: a zip archive or one JavaScript file), and with
// Publish, a version of it, in one transaction. DryRun checks the package and changes nothing.
import { z } from 'zod';
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { notifyConfigChange } from '../config-changes';
import { findLatest, lockFunction, nextModified, versionColumns } from './find-function';
import { readCodePackage, refuseOtherSources } from './function-code';
import { architectures, checkArchitectures } from './function-input';
import { functionTarget } from './function-reference';
import { configurationFor, type FunctionConfiguration, revisionId } from './function-shape';
import { revisionMismatch } from './lambda-errors';
import { parseLambdaInput } from './lambda-validation';
import { publishLatest } from './publish-latest';

const updateFunctionCodeInput = z.object({
  ZipFile: z.string().optional(),
  S3Bucket: z.string().optional(),
  S3Key: z.string().optional(),
  S3ObjectVersion: z.string().optional(),
  ImageUri: z.string().optional(),
  Architectures: architectures.optional(),
  Publish: z.boolean().optional(),
  DryRun: z.boolean().optional(),
  RevisionId: z.string().optional(),
});

export async function updateFunctionCode(actor: Actor, name: string, input: unknown): Promise<FunctionConfiguration> {
  authorize(actor, 'edit');
  const { functionName } = functionTarget(name, false);
  const data = parseLambdaInput(updateFunctionCodeInput, input);
  refuseOtherSources(data);
  checkArchitectures(data.Architectures);
  const pkg = readCodePackage(data.ZipFile);

  const { fn, version } = await db().$transaction(async (tx) => {
    const fn = await lockFunction(tx, functionName);
    const latest = await findLatest(tx, fn);
    if (data.RevisionId && data.RevisionId !== revisionId(latest)) throw revisionMismatch();
    if (data.DryRun) return { fn, version: latest };
    let version = await tx.functionVersion.update({
      where: { id: latest.id },
      data: { ...pkg, updatedAt: nextModified(latest.updatedAt) },
      select: versionColumns,
    });
    await tx.function.update({ where: { id: fn.id }, data: { lastModified: version.updatedAt } });
    const updated = version;
    if (data.Publish) version = (await publishLatest(tx, fn)).version;
    await notifyConfigChange(tx, { kind: 'functions', functionName });
    await audit(tx, actor, {
      action: 'update-function-code',
      targetType: 'Function',
      targetId: functionName,
      before: { CodeSha256: latest.codeSha256, CodeSize: latest.codeSize },
      after: {
        CodeSha256: updated.codeSha256,
        CodeSize: updated.codeSize,
        ...(data.Publish && { PublishedVersion: version.version }),
      },
    });
    return { fn, version };
  });
  return configurationFor(actor, fn, version, {
    arnQualifier: data.Publish && !data.DryRun ? version.version : undefined,
  });
}
