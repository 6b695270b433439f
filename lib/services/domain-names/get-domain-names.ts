import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { type Page, type PageRequest, pageWindow, toPage } from '../paging';
import { type DomainName, toDomainName } from './domain-name-shape';

/** GetDomainNames, in name order (stable across pages). */
export async function getDomainNames(actor: Actor, request: PageRequest = {}): Promise<Page<DomainName>> {
  authorize(actor, 'read');
  const window = pageWindow(request);
  const rows = await db().domainName.findMany({
    orderBy: { domainName: 'asc' },
    skip: window.skip,
    take: window.take + 1,
  });
  const page = toPage(rows, window);
  return { ...page, items: page.items.map(toDomainName) };
}
