import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { notifyConfigChange } from '../config-changes';
import { findDomainName } from '../domain-names/domain-name-input';
import { findBasePathMapping } from './base-path-input';
import { toBasePathMapping, toWireBasePath } from './base-path-mapping-shape';

export async function deleteBasePathMapping(actor: Actor, domainName: string, basePath: string): Promise<void> {
  authorize(actor, 'edit');
  await db().$transaction(async (tx) => {
    const domain = await findDomainName(tx, domainName);
    const mapping = await findBasePathMapping(tx, domain.domainName, basePath);
    await tx.basePathMapping.delete({ where: { id: mapping.id } });
    await notifyConfigChange(tx, { kind: 'domain', domainName: domain.domainName });
    await audit(tx, actor, {
      action: 'delete-base-path-mapping',
      targetType: 'BasePathMapping',
      targetId: `${domain.domainName}/${toWireBasePath(mapping.basePath)}`,
      before: toBasePathMapping(mapping),
    });
  });
}
