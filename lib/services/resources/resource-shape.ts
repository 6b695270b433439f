import type { Resource as ResourceRow } from '@prisma/client';
import { type Method, type MethodWithChildren, toMethod } from '../methods/method-shape';

export interface Resource {
  id: string;
  parentId?: string;
  pathPart?: string;
  path: string;
  resourceMethods?: Record<string, Method>;
}

export function toResource(row: ResourceRow & { methods?: MethodWithChildren[] }): Resource {
  return {
    id: row.id,
    ...(row.parentId && { parentId: row.parentId }),
    ...(row.pathPart && { pathPart: row.pathPart }),
    path: row.path,
    ...(row.methods &&
      row.methods.length > 0 && {
        resourceMethods: Object.fromEntries(row.methods.map((m) => [m.httpMethod, toMethod(m)])),
      }),
  };
}
