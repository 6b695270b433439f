// A Model row as AWS's Model structure (an empty description is left out, as AWS leaves it out).
import type { Model as ModelRow } from '@prisma/client';

export interface Model {
  id: string;
  name: string;
  description?: string;
  schema?: string;
  contentType: string;
}

export function toModel(row: ModelRow): Model {
  return {
    id: row.id,
    name: row.name,
    ...(row.description && { description: row.description }),
    ...(row.schema != null && { schema: row.schema }),
    contentType: row.contentType,
  };
}
