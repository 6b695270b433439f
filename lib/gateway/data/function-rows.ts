// The functions the gateway may invoke (AWS and AWS_PROXY integrations, Lambda authorizers): every version's
// settings and encrypted environment, and every alias — never the code, which is read once per version when its
// package is unpacked (selectFunctionCode), ahead of any request.
import type pg from 'pg';

export interface FunctionVersionRow {
  id: string;
  functionName: string;
  version: string;
  handler: string;
  runtime: string;
  timeout: number;
  memorySize: number;
  codeSha256: string;
  environmentEncrypted: string | null;
}

export interface FunctionAliasRow {
  functionName: string;
  name: string;
  functionVersion: string;
  routingConfig: { additionalVersionWeights?: Record<string, number> } | null;
}

export async function selectFunctionVersions(pool: pg.Pool): Promise<FunctionVersionRow[]> {
  return (
    await pool.query<FunctionVersionRow>(
      `SELECT v."id", f."functionName", v."version", v."handler", v."runtime", v."timeout", v."memorySize",
              v."codeSha256", v."environmentEncrypted"
         FROM "FunctionVersion" v JOIN "Function" f ON f."id" = v."functionId"
        ORDER BY v."id"`,
    )
  ).rows;
}

export async function selectFunctionAliases(pool: pg.Pool): Promise<FunctionAliasRow[]> {
  return (
    await pool.query<FunctionAliasRow>(
      `SELECT f."functionName", a."name", a."functionVersion", a."routingConfig"
         FROM "FunctionAlias" a JOIN "Function" f ON f."id" = a."functionId"
        ORDER BY a."id"`,
    )
  ).rows;
}

export async function selectFunctionCode(pool: pg.Pool, versionId: string): Promise<Uint8Array> {
  const row = (await pool.query<{ code: Buffer }>(`SELECT "code" FROM "FunctionVersion" WHERE "id" = $1`, [versionId]))
    .rows[0];
  if (!row) throw new Error(`function version ${versionId} is gone`);
  return row.code;
}
