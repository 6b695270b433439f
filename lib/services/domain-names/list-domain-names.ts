// The console's custom domains page: every domain name with its base path mappings.
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { type BasePathMapping, toBasePathMapping } from '../base-path-mappings/base-path-mapping-shape';
import { type DomainName, toDomainName } from './domain-name-shape';

export interface DomainNameSummary extends DomainName {
  basePathMappings: BasePathMapping[];
}

export async function listDomainNames(actor: Actor): Promise<DomainNameSummary[]> {
  authorize(actor, 'read');
  const rows = await db().domainName.findMany({
    orderBy: { domainName: 'asc' },
    include: { basePathMappings: { orderBy: { basePath: 'asc' } } },
  });
  return rows.map(({ basePathMappings, ...row }) => ({
    ...toDomainName(row),
    basePathMappings: basePathMappings.map(toBasePathMapping),
  }));
}
