// UpdateModel: `replace` on /schema and /description, all or nothing.
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { badRequest } from '../errors';
import { parsePatchOperations } from '../patch/patch-operations';
import { findModel } from './find-model';
import { checkModelSchema } from './model-input';
import { type Model, toModel } from './model-shape';

export async function updateModel(actor: Actor, restApiId: string, modelName: string, input: unknown): Promise<Model> {
  authorize(actor, 'edit');
  const operations = parsePatchOperations(input);
  const row = await db().$transaction(async (tx) => {
    const before = await findModel(tx, restApiId, modelName);
    const next = { schema: before.schema, description: before.description };
    for (const op of operations) {
      if (op.op !== 'replace') {
        throw badRequest(
          `Invalid patch path  '${op.path}' specified for op '${op.op}'. Please choose supported operations`,
        );
      }
      if (op.path === '/schema') {
        await checkModelSchema(tx, restApiId, op.value, before.name);
        next.schema = op.value ?? null;
      } else if (op.path === '/description') {
        next.description = op.value || null;
      } else {
        throw badRequest(
          `Invalid patch path  '${op.path}' specified for op 'replace'. Must be one of: [/description, /schema]`,
        );
      }
    }
    const after = await tx.model.update({ where: { id: before.id }, data: next });
    await audit(tx, actor, {
      action: 'update-model',
      targetType: 'Model',
      targetId: before.id,
      before: toModel(before),
      after: toModel(after),
    });
    return after;
  });
  return toModel(row);
}
