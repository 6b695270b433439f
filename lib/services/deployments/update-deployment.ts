import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { notFound } from '../errors';
import { findRestApi } from '../lookups';
import {
  invalidPatchPath,
  parsePatchOperations,
  patchScalar,
  requireValue,
  splitPatchPath,
} from '../patch/patch-operations';
import { DEPLOYMENT_SUMMARY_SELECT, type Deployment, toDeployment } from './deployment-shape';

/** UpdateDeployment: only the description changes; the snapshot is immutable. */
export async function updateDeployment(
  actor: Actor,
  restApiId: string,
  deploymentId: string,
  input: unknown,
): Promise<Deployment> {
  authorize(actor, 'deploy');
  const operations = parsePatchOperations(input);
  const row = await db().$transaction(async (tx) => {
    await findRestApi(tx, restApiId);
    const before = await tx.deployment.findFirst({
      where: { id: deploymentId, restApiId },
      select: DEPLOYMENT_SUMMARY_SELECT,
    });
    if (!before) throw notFound('Invalid Deployment identifier specified');
    let description = before.description;
    for (const op of operations) {
      const parts = splitPatchPath(op.path);
      if (parts.length !== 1 || parts[0] !== 'description') throw invalidPatchPath(op);
      description = patchScalar(op, requireValue);
    }
    const after = await tx.deployment.update({
      where: { id: deploymentId },
      data: { description },
      select: DEPLOYMENT_SUMMARY_SELECT,
    });
    await audit(tx, actor, {
      action: 'update-deployment',
      targetType: 'Deployment',
      targetId: `${restApiId}/${deploymentId}`,
      before: toDeployment(before),
      after: toDeployment(after),
    });
    return after;
  });
  return toDeployment(row);
}
