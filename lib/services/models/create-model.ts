// CreateModel: a named JSON Schema (draft-04, stored as the text given) methods refer to by name.
import { z } from 'zod';
import { db } from '../../db/client';
import { newShortId } from '../../ids';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { badRequest, conflict } from '../errors';
import { findRestApi } from '../lookups';
import { parseInput } from '../validation';
import { checkModelName, checkModelSchema } from './model-input';
import { type Model, toModel } from './model-shape';

const createModelInput = z.object({
  name: z.string().max(1024).optional(),
  description: z.string().max(4096).optional(),
  schema: z
    .string()
    .max(6 * 1024 * 1024)
    .optional(),
  contentType: z.string().max(1024).optional(),
});

export async function createModel(actor: Actor, restApiId: string, input: unknown): Promise<Model> {
  authorize(actor, 'edit');
  const data = parseInput(createModelInput, input);
  const row = await db().$transaction(async (tx) => {
    await findRestApi(tx, restApiId);
    const name = checkModelName(data.name);
    const existing = await tx.model.findUnique({ where: { restApiId_name: { restApiId, name } } });
    if (existing) throw conflict('Model name already exists for this REST API');
    await checkModelSchema(tx, restApiId, data.schema, name);
    if (!data.contentType) {
      throw badRequest(
        "1 validation error detected: Value null at 'createModelInput.contentType' failed to satisfy constraint: Member must not be null",
      );
    }
    const model = await tx.model.create({
      data: {
        id: newShortId(),
        restApiId,
        name,
        description: data.description || null,
        schema: data.schema,
        contentType: data.contentType,
      },
    });
    await audit(tx, actor, { action: 'create-model', targetType: 'Model', targetId: model.id, after: toModel(model) });
    return model;
  });
  return toModel(row);
}
