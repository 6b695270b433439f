// UpdateWebACL: replaces every mutable setting of the web ACL — DefaultAction, Rules, VisibilityConfig,
// CustomResponseBodies and Description; what is absent is cleared, as in WAF — given the current LockToken; the new
// definition is checked like a new one's. Answers the next LockToken.
import { z } from 'zod';
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { notifyConfigChange } from '../config-changes';
import { checkDefinition } from './check-web-acl-definition';
import { lockWebAcl } from './find-web-acl';
import { checkLockToken, newLockToken } from './lock-token';
import { requireRegional } from './waf-scope';
import { entityId, lockToken, parseWafInput, scope } from './waf-validation';
import { refuseUnsupportedSettings, webAclDefinitionColumns, webAclInput } from './web-acl-input';
import { toWebAcl } from './web-acl-shape';

const updateWebAclInput = z.object({ ...webAclInput, Scope: scope, Id: entityId, LockToken: lockToken });

export async function updateWebAcl(actor: Actor, input: unknown): Promise<{ NextLockToken: string }> {
  authorize(actor, 'edit');
  const data = parseWafInput(updateWebAclInput, input);
  const regional = requireRegional(data.Scope);
  refuseUnsupportedSettings(data);
  return db().$transaction(async (tx) => {
    const before = await lockWebAcl(tx, { scope: regional, id: data.Id, name: data.Name });
    checkLockToken(before.lockToken, data.LockToken);
    const capacity = await checkDefinition(tx, regional, data);
    const after = await tx.webAcl.update({
      where: { id: before.id },
      data: webAclDefinitionColumns(data, capacity, newLockToken()),
    });
    await audit(tx, actor, {
      action: 'update-web-acl',
      targetType: 'WebAcl',
      targetId: after.id,
      before: toWebAcl(before),
      after: toWebAcl(after),
    });
    await notifyConfigChange(tx, { kind: 'waf' });
    return { NextLockToken: after.lockToken };
  });
}
