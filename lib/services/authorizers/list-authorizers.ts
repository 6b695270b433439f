// GetAuthorizers, by name.
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { findRestApi } from '../lookups';
import { type Page, type PageRequest, pageWindow, toPage } from '../paging';
import { type Authorizer, toAuthorizer } from './authorizer-shape';

export async function listAuthorizers(
  actor: Actor,
  restApiId: string,
  page: PageRequest = {},
): Promise<Page<Authorizer>> {
  authorize(actor, 'read');
  await findRestApi(db(), restApiId);
  const window = pageWindow(page);
  const rows = await db().authorizer.findMany({
    where: { restApiId },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    skip: window.skip,
    take: window.take + 1,
  });
  const result = toPage(rows, window);
  return { ...result, items: result.items.map(toAuthorizer) };
}
