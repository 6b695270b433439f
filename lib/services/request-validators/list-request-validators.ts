// GetRequestValidators, by name.
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { findRestApi } from '../lookups';
import { type Page, type PageRequest, pageWindow, toPage } from '../paging';
import { type RequestValidator, toRequestValidator } from './request-validator-shape';

export async function listRequestValidators(
  actor: Actor,
  restApiId: string,
  page: PageRequest = {},
): Promise<Page<RequestValidator>> {
  authorize(actor, 'read');
  await findRestApi(db(), restApiId);
  const window = pageWindow(page);
  const rows = await db().requestValidator.findMany({
    where: { restApiId },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    skip: window.skip,
    take: window.take + 1,
  });
  const result = toPage(rows, window);
  return { ...result, items: result.items.map(toRequestValidator) };
}
