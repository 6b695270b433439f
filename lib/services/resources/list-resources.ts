// GetResources (embed=methods for the methods of each resource), ordered by path.
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { findRestApi } from '../lookups';
import { METHOD_INCLUDE } from '../methods/method-shape';
import { type Page, type PageRequest, pageWindow, toPage } from '../paging';
import { type Resource, toResource } from './resource-shape';

export async function listResources(
  actor: Actor,
  restApiId: string,
  options: PageRequest & { embedMethods?: boolean } = {},
): Promise<Page<Resource>> {
  authorize(actor, 'read');
  await findRestApi(db(), restApiId);
  const window = pageWindow(options);
  const rows = await db().resource.findMany({
    where: { restApiId },
    orderBy: [{ path: 'asc' }],
    include: options.embedMethods
      ? { methods: { include: METHOD_INCLUDE, orderBy: { httpMethod: 'asc' } } }
      : undefined,
    skip: window.skip,
    take: window.take + 1,
  });
  const page = toPage(rows, window);
  return { ...page, items: page.items.map(toResource) };
}
