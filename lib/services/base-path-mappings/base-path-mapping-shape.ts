// A BasePathMapping row as AWS's BasePathMapping structure: the empty base path is reported as "(none)".
import type { BasePathMapping as BasePathMappingRow } from '@prisma/client';

export const NO_BASE_PATH = '(none)';

export interface BasePathMapping {
  basePath: string;
  restApiId: string;
  stage?: string;
}

/** The stored base path ("" for none) as AWS shows and addresses it. */
export const toWireBasePath = (basePath: string): string => (basePath === '' ? NO_BASE_PATH : basePath);

export function toBasePathMapping(row: BasePathMappingRow): BasePathMapping {
  return {
    basePath: toWireBasePath(row.basePath),
    restApiId: row.restApiId,
    ...(row.stage != null && { stage: row.stage }),
  };
}
