import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { badRequest, notFound } from '../errors';
import { findRestApi } from '../lookups';
import { DEPLOYMENT_SUMMARY_SELECT, toDeployment } from './deployment-shape';

/** DeleteDeployment: refused while a stage (or a stage's canary) points at it, with AWS's message. */
export async function deleteDeployment(actor: Actor, restApiId: string, deploymentId: string): Promise<void> {
  authorize(actor, 'deploy');
  await db().$transaction(async (tx) => {
    await findRestApi(tx, restApiId);
    const deployment = await tx.deployment.findFirst({
      where: { id: deploymentId, restApiId },
      select: DEPLOYMENT_SUMMARY_SELECT,
    });
    if (!deployment) throw notFound('Invalid Deployment identifier specified');
    const inUse = await tx.stage.count({
      where: { restApiId, OR: [{ deploymentId }, { canaryDeploymentId: deploymentId }] },
    });
    if (inUse > 0) throw badRequest('Active stages pointing to this deployment must be moved or deleted');
    await tx.deployment.delete({ where: { id: deploymentId } });
    await audit(tx, actor, {
      action: 'delete-deployment',
      targetType: 'Deployment',
      targetId: `${restApiId}/${deploymentId}`,
      before: toDeployment(deployment),
    });
  });
}
