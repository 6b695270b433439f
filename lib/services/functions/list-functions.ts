import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';

export interface FunctionSummary {
  functionName: string;
  description: string | null;
  runtime: string;
  handler: string;
  lastModified: Date;
  versionCount: number;
  aliasCount: number;
}

export async function listFunctions(actor: Actor): Promise<FunctionSummary[]> {
  authorize(actor, 'read');
  const rows = await db().function.findMany({
    orderBy: { functionName: 'asc' },
    include: { _count: { select: { versions: true, aliases: true } } },
  });
  return rows.map((row) => ({
    functionName: row.functionName,
    description: row.description,
    runtime: row.runtime,
    handler: row.handler,
    lastModified: row.lastModified,
    versionCount: row._count.versions,
    aliasCount: row._count.aliases,
  }));
}
