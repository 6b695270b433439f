// DeleteWebACL: given the current LockToken, the web ACL — unless it protects a resource
// (WAFAssociatedItemException: disassociate it first, as in WAF).
import { Prisma } from '@prisma/client';
import { z } from 'zod';
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { notifyConfigChange } from '../config-changes';
import { lockWebAcl } from './find-web-acl';
import { checkLockToken } from './lock-token';
import { associatedItem } from './waf-errors';
import { requireRegional } from './waf-scope';
import { entityId, entityName, lockToken, parseWafInput, scope } from './waf-validation';
import { toWebAcl } from './web-acl-shape';

const deleteWebAclInput = z.object({ Name: entityName, Scope: scope, Id: entityId, LockToken: lockToken });

export async function deleteWebAcl(actor: Actor, input: unknown): Promise<Record<string, never>> {
  authorize(actor, 'edit');
  const data = parseWafInput(deleteWebAclInput, input);
  const regional = requireRegional(data.Scope);
  try {
    await db().$transaction(async (tx) => {
      // locked: AssociateWebACL holds the web ACL FOR SHARE, so no association can appear while this one is deleted
      const row = await lockWebAcl(tx, { scope: regional, id: data.Id, name: data.Name });
      checkLockToken(row.lockToken, data.LockToken);
      if ((await tx.webAclAssociation.count({ where: { webAclId: row.id } })) > 0) throw associatedItem();
      await tx.webAcl.delete({ where: { id: row.id } });
      await audit(tx, actor, {
        action: 'delete-web-acl',
        targetType: 'WebAcl',
        targetId: row.id,
        before: toWebAcl(row),
      });
      await notifyConfigChange(tx, { kind: 'waf' });
    });
  } catch (error) {
    // the association's foreign key refuses the delete too (Restrict)
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2003') throw associatedItem();
    throw error;
  }
  return {};
}
