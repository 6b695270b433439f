// DeleteModel: refused (409, as AWS) while a method request, a method response or another model uses the model.
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { conflict } from '../errors';
import { findModel } from './find-model';
import { toModel } from './model-shape';
import { findModelUser } from './model-usage';

export async function deleteModel(actor: Actor, restApiId: string, modelName: string): Promise<void> {
  authorize(actor, 'edit');
  await db().$transaction(async (tx) => {
    const model = await findModel(tx, restApiId, modelName);
    const user = await findModelUser(tx, restApiId, model.name);
    if (user) throw conflict(`Cannot delete model '${model.name}', is referenced in ${user}`);
    await tx.model.delete({ where: { id: model.id } });
    await audit(tx, actor, { action: 'delete-model', targetType: 'Model', targetId: model.id, before: toModel(model) });
  });
}
