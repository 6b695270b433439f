import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { findDomainName } from '../domain-names/domain-name-input';
import { type Page, type PageRequest, pageWindow, toPage } from '../paging';
import { type BasePathMapping, toBasePathMapping } from './base-path-mapping-shape';

/** GetBasePathMappings of one domain name, in base path order ("(none)" first). */
export async function listBasePathMappings(
  actor: Actor,
  domainName: string,
  request: PageRequest = {},
): Promise<Page<BasePathMapping>> {
  authorize(actor, 'read');
  const domain = await findDomainName(db(), domainName);
  const window = pageWindow(request);
  const rows = await db().basePathMapping.findMany({
    where: { domainName: domain.domainName },
    orderBy: { basePath: 'asc' },
    skip: window.skip,
    take: window.take + 1,
  });
  const page = toPage(rows, window);
  return { ...page, items: page.items.map(toBasePathMapping) };
}
