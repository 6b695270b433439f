import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { findRestApi } from '../lookups';
import { type Page, type PageRequest, pageWindow, toPage } from '../paging';
import { DEPLOYMENT_SUMMARY_SELECT, type Deployment, toDeployment } from './deployment-shape';

/** GetDeployments, newest first. */
export async function listDeployments(
  actor: Actor,
  restApiId: string,
  request: PageRequest = {},
): Promise<Page<Deployment>> {
  authorize(actor, 'read');
  await findRestApi(db(), restApiId);
  const window = pageWindow(request);
  const rows = await db().deployment.findMany({
    where: { restApiId },
    select: DEPLOYMENT_SUMMARY_SELECT,
    orderBy: [{ createdDate: 'desc' }, { id: 'asc' }],
    skip: window.skip,
    take: window.take + 1,
  });
  const page = toPage(rows, window);
  return { ...page, items: page.items.map((row) => toDeployment(row)) };
}
