// GetModels, by name.
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { findRestApi } from '../lookups';
import { type Page, type PageRequest, pageWindow, toPage } from '../paging';
import { type Model, toModel } from './model-shape';

export async function listModels(actor: Actor, restApiId: string, page: PageRequest = {}): Promise<Page<Model>> {
  authorize(actor, 'read');
  await findRestApi(db(), restApiId);
  const window = pageWindow(page);
  const rows = await db().model.findMany({
    where: { restApiId },
    orderBy: { name: 'asc' },
    skip: window.skip,
    take: window.take + 1,
  });
  const result = toPage(rows, window);
  return { ...result, items: result.items.map(toModel) };
}
