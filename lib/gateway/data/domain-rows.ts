// Custom domain names and their base path mappings, as the gateway routes them.
import type pg from 'pg';

export interface BasePathMappingRow {
  domainName: string;
  basePath: string;
  restApiId: string;
  stage: string | null;
}

export async function selectBasePathMappings(pool: pg.Pool): Promise<BasePathMappingRow[]> {
  return (
    await pool.query<BasePathMappingRow>(
      'SELECT "domainName", "basePath", "restApiId", "stage" FROM "BasePathMapping" ORDER BY "domainName", "basePath"',
    )
  ).rows;
}
