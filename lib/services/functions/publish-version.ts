// PublishVersion: $LATEST as a new immutable version (or, unchanged since the last one, that version), with
// CodeSha256 and RevisionId as preconditions.
import { z } from 'zod';
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { notifyConfigChange } from '../config-changes';
import { lockFunction } from './find-function';
import { functionSettings } from './function-input';
import { functionTarget } from './function-reference';
import { configurationFor, type FunctionConfiguration } from './function-shape';
import { parseLambdaInput } from './lambda-validation';
import { publishLatest } from './publish-latest';

const publishVersionInput = z.object({
  CodeSha256: z.string().optional(),
  Description: functionSettings.Description.optional(),
  RevisionId: z.string().optional(),
});

export async function publishVersion(actor: Actor, name: string, input: unknown): Promise<FunctionConfiguration> {
  authorize(actor, 'edit');
  const { functionName } = functionTarget(name, false);
  const data = parseLambdaInput(publishVersionInput, input);
  const { fn, version } = await db().$transaction(async (tx) => {
    const fn = await lockFunction(tx, functionName);
    const { version, published } = await publishLatest(tx, fn, {
      description: data.Description,
      codeSha256: data.CodeSha256,
      revisionId: data.RevisionId,
    });
    if (published) {
      await notifyConfigChange(tx, { kind: 'functions', functionName });
      await audit(tx, actor, {
        action: 'publish-version',
        targetType: 'FunctionVersion',
        targetId: `${functionName}:${version.version}`,
        after: configurationFor('masked', fn, version, { arnQualifier: version.version }),
      });
    }
    return { fn, version };
  });
  return configurationFor(actor, fn, version, { arnQualifier: version.version });
}
