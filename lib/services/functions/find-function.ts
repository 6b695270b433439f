// Finding a function, its versions and aliases inside an operation's transaction, failing with Lambda's
// ResourceNotFoundException. Version rows are read without their code, which only publishing and the runtime read.
import type { FunctionAlias, Function as FunctionRow, Prisma } from '@prisma/client';
import type { Tx } from '../../db/client';
import { functionNotFound } from './lambda-errors';

export const LATEST = '$LATEST';

export const versionColumns = {
  id: true,
  functionId: true,
  version: true,
  description: true,
  runtime: true,
  handler: true,
  timeout: true,
  memorySize: true,
  codeSha256: true,
  codeSize: true,
  environmentEncrypted: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.FunctionVersionSelect;

export type VersionRow = Prisma.FunctionVersionGetPayload<{ select: typeof versionColumns }>;
export type { FunctionAlias as AliasRow, FunctionRow };

export const isVersionNumber = (qualifier: string) => /^[0-9]+$/.test(qualifier);

/** `$LATEST` first, then published versions in number order. */
export const versionOrder = (a: { version: string }, b: { version: string }) =>
  (a.version === LATEST ? -1 : Number(a.version)) - (b.version === LATEST ? -1 : Number(b.version));

export async function findFunction(tx: Tx, functionName: string): Promise<FunctionRow> {
  const fn = await tx.function.findUnique({ where: { functionName } });
  if (!fn) throw functionNotFound(functionName);
  return fn;
}

/** The function, locked until the transaction ends: writes to one function happen one after another. */
export async function lockFunction(tx: Tx, functionName: string): Promise<FunctionRow> {
  await tx.$queryRaw`SELECT "id" FROM "Function" WHERE "functionName" = ${functionName} FOR UPDATE`;
  return findFunction(tx, functionName);
}

export async function findVersion(tx: Tx, fn: FunctionRow, version: string): Promise<VersionRow | null> {
  return tx.functionVersion.findUnique({
    where: { functionId_version: { functionId: fn.id, version } },
    select: versionColumns,
  });
}

export async function findLatest(tx: Tx, fn: FunctionRow): Promise<VersionRow> {
  const latest = await findVersion(tx, fn, LATEST);
  if (!latest) throw functionNotFound(fn.functionName);
  return latest;
}

/**
 * What a qualifier names: `$LATEST` (also when there is none), a published version, or an alias (with the version it
 * points at; weighted routing is the invoker's to apply). Anything else is Lambda's "Function not found".
 */
export async function resolveQualifier(
  tx: Tx,
  fn: FunctionRow,
  qualifier: string | undefined,
): Promise<{ version: VersionRow; alias?: FunctionAlias }> {
  const name = qualifier ?? LATEST;
  if (name === LATEST || isVersionNumber(name)) {
    const version = await findVersion(tx, fn, name);
    if (!version) throw functionNotFound(fn.functionName, qualifier);
    return { version };
  }
  const alias = await tx.functionAlias.findUnique({ where: { functionId_name: { functionId: fn.id, name } } });
  const version = alias && (await findVersion(tx, fn, alias.functionVersion));
  if (!alias || !version) throw functionNotFound(fn.functionName, qualifier);
  return { version, alias };
}

/** A row's next modification time: now, but always after the previous one (a revision is its time). */
export const nextModified = (previous: Date): Date => new Date(Math.max(Date.now(), previous.getTime() + 1));
