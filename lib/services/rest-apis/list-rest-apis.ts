import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { type Page, type PageRequest, pageWindow, toPage } from '../paging';
import { type RestApi, toRestApi } from './rest-api-shape';

/** GetRestApis, oldest first (stable across pages). */
export async function listRestApis(actor: Actor, request: PageRequest = {}): Promise<Page<RestApi>> {
  authorize(actor, 'read');
  const window = pageWindow(request);
  const rows = await db().restApi.findMany({
    orderBy: [{ createdDate: 'asc' }, { id: 'asc' }],
    skip: window.skip,
    take: window.take + 1,
  });
  const page = toPage(rows, window);
  return { ...page, items: page.items.map(toRestApi) };
}
