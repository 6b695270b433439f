// DeleteDomainName: the domain and its base path mappings.
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { toBasePathMapping } from '../base-path-mappings/base-path-mapping-shape';
import { notifyConfigChange } from '../config-changes';
import { findDomainName } from './domain-name-input';
import { toDomainName } from './domain-name-shape';

export async function deleteDomainName(actor: Actor, domainName: string): Promise<void> {
  authorize(actor, 'edit');
  await db().$transaction(async (tx) => {
    const row = await findDomainName(tx, domainName);
    const mappings = await tx.basePathMapping.findMany({
      where: { domainName: row.domainName },
      orderBy: { basePath: 'asc' },
    });
    await tx.domainName.delete({ where: { domainName: row.domainName } });
    await notifyConfigChange(tx, { kind: 'domain', domainName: row.domainName });
    await audit(tx, actor, {
      action: 'delete-domain-name',
      targetType: 'DomainName',
      targetId: row.domainName,
      before: { ...toDomainName(row), basePathMappings: mappings.map(toBasePathMapping) },
    });
  });
}
