// A version as the function runtime runs it (lib/functions/function-runtime.ts): its settings, its environment
// opened, and its code read from the database only when the runtime has not unpacked it yet.
import { db } from '../../db/client';
import { functionArn } from '../../functions/function-arn';
import type { FunctionSpec } from '../../functions/function-runtime';
import type { FunctionRow, VersionRow } from './find-function';
import { openEnvironment } from './function-environment';

export function functionSpec(fn: FunctionRow, version: VersionRow): FunctionSpec {
  return {
    functionName: fn.functionName,
    version: version.version,
    functionArn: functionArn(fn.functionName),
    handler: version.handler,
    runtime: version.runtime,
    timeout: version.timeout,
    memorySize: version.memorySize,
    codeSha256: version.codeSha256,
    environment: openEnvironment(version.environmentEncrypted),
    loadCode: async () =>
      (await db().functionVersion.findUniqueOrThrow({ where: { id: version.id }, select: { code: true } })).code,
  };
}
