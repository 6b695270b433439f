// DeleteRestApi: the API and everything under it (resources, methods, models, deployments, stages, mappings), and
// the web ACL associations of its stages.
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { removeStageAssociations } from '../waf/remove-stage-associations';
import { restApiNotFound } from './not-found';
import { toRestApi } from './rest-api-shape';

export async function deleteRestApi(actor: Actor, restApiId: string): Promise<void> {
  authorize(actor, 'edit');
  await db().$transaction(async (tx) => {
    const row = await tx.restApi.findUnique({ where: { id: restApiId } });
    if (!row) throw restApiNotFound(restApiId);
    await removeStageAssociations(tx, actor, restApiId);
    await tx.restApi.delete({ where: { id: restApiId } });
    await audit(tx, actor, {
      action: 'delete-rest-api',
      targetType: 'RestApi',
      targetId: restApiId,
      before: toRestApi(row),
    });
  });
}
