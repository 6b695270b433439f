import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';

export interface DomainNameSummary {
  domainName: string;
  domainNameStatus: string;
  endpointConfiguration: unknown;
  basePathMappings: Array<{ basePath: string; restApiId: string; stage: string | null }>;
}

export async function listDomainNames(actor: Actor): Promise<DomainNameSummary[]> {
  authorize(actor, 'read');
  const rows = await db().domainName.findMany({ orderBy: { domainName: 'asc' }, include: { basePathMappings: true } });
  return rows.map((row) => ({
    domainName: row.domainName,
    domainNameStatus: row.domainNameStatus,
    endpointConfiguration: row.endpointConfiguration,
    basePathMappings: row.basePathMappings.map((m) => ({
      basePath: m.basePath === '' ? '(none)' : m.basePath,
      restApiId: m.restApiId,
      stage: m.stage,
    })),
  }));
}
