import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { notFound } from '../errors';
import { findRestApi } from '../lookups';
import { DEPLOYMENT_SUMMARY_SELECT, type Deployment, toDeployment } from './deployment-shape';

export async function getDeployment(
  actor: Actor,
  restApiId: string,
  deploymentId: string,
  options: { embedApiSummary?: boolean } = {},
): Promise<Deployment> {
  authorize(actor, 'read');
  await findRestApi(db(), restApiId);
  const row = await db().deployment.findFirst({
    where: { id: deploymentId, restApiId },
    select: DEPLOYMENT_SUMMARY_SELECT,
  });
  if (!row) throw notFound('Invalid Deployment identifier specified');
  return toDeployment(row, options.embedApiSummary);
}
