// Publishing: a new immutable version copied from $LATEST (code, settings and sealed environment), numbered after
// the highest one ever published (a deleted version's number is never used again, as in Lambda). A version keeps $LATEST's LastModified, so when $LATEST has not changed since the last version,
// that version is the answer and nothing is published (as Lambda does). Shared by PublishVersion and the Publish
// flag of CreateFunction and UpdateFunctionCode; runs inside their transaction, the function locked.
import type { Tx } from '../../db/client';
import { type FunctionRow, findLatest, isVersionNumber, type VersionRow, versionColumns } from './find-function';
import { revisionId } from './function-shape';
import { invalidParameter, revisionMismatch } from './lambda-errors';

export interface PublishOptions {
  description?: string;
  /** publish only if $LATEST's code is this one */
  codeSha256?: string;
  /** publish only if $LATEST is at this revision */
  revisionId?: string;
}

export async function publishLatest(
  tx: Tx,
  fn: FunctionRow,
  options: PublishOptions = {},
): Promise<{ version: VersionRow; published: boolean }> {
  const latest = await findLatest(tx, fn);
  if (options.revisionId && options.revisionId !== revisionId(latest)) throw revisionMismatch();
  if (options.codeSha256 && options.codeSha256 !== latest.codeSha256) {
    throw invalidParameter(
      `CodeSHA256 (${options.codeSha256}) is different from current CodeSHA256 in $LATEST (${latest.codeSha256}). Please try again with the CodeSHA256 in $LATEST.`,
    );
  }
  const versions = await tx.functionVersion.findMany({ where: { functionId: fn.id }, select: versionColumns });
  const last = versions
    .filter((v) => isVersionNumber(v.version))
    .sort((a, b) => Number(b.version) - Number(a.version))[0];
  if (last && last.updatedAt.getTime() === latest.updatedAt.getTime()) return { version: last, published: false };

  const { code } = await tx.functionVersion.findUniqueOrThrow({ where: { id: latest.id }, select: { code: true } });
  // Lambda never reuses the number of a deleted version: the function counts every version it published
  const number = Math.max(fn.lastVersion, last ? Number(last.version) : 0) + 1;
  await tx.function.update({ where: { id: fn.id }, data: { lastVersion: number, lastModified: fn.lastModified } });
  const version = await tx.functionVersion.create({
    data: {
      functionId: fn.id,
      version: String(number),
      description: options.description ?? latest.description,
      runtime: latest.runtime,
      handler: latest.handler,
      timeout: latest.timeout,
      memorySize: latest.memorySize,
      code,
      codeSha256: latest.codeSha256,
      codeSize: latest.codeSize,
      environmentEncrypted: latest.environmentEncrypted,
      updatedAt: latest.updatedAt,
    },
    select: versionColumns,
  });
  return { version, published: true };
}
