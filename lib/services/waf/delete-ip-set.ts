// DeleteIPSet: given the current LockToken, the set — unless a web ACL's rules reference it
// (WAFAssociatedItemException).
import { z } from 'zod';
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { notifyConfigChange } from '../config-changes';
import { lockIpSet } from './find-ip-set';
import { referencesIpSet } from './ip-set-references';
import { toIpSet } from './ip-set-shape';
import { checkLockToken } from './lock-token';
import { associatedItem } from './waf-errors';
import { requireRegional } from './waf-scope';
import { entityId, entityName, lockToken, parseWafInput, scope } from './waf-validation';

const deleteIpSetInput = z.object({ Name: entityName, Scope: scope, Id: entityId, LockToken: lockToken });

export async function deleteIpSet(actor: Actor, input: unknown): Promise<Record<string, never>> {
  authorize(actor, 'edit');
  const data = parseWafInput(deleteIpSetInput, input);
  const regional = requireRegional(data.Scope);
  await db().$transaction(async (tx) => {
    // locked first: a web ACL being written to reference it holds it FOR SHARE, so this waits for that write
    const row = await lockIpSet(tx, { scope: regional, id: data.Id, name: data.Name });
    checkLockToken(row.lockToken, data.LockToken);
    const webAcls = await tx.webAcl.findMany({ where: { scope: regional }, select: { rules: true } });
    if (webAcls.some((acl) => referencesIpSet(acl.rules, row.id))) throw associatedItem();
    await tx.ipSet.delete({ where: { id: row.id } });
    await audit(tx, actor, { action: 'delete-ip-set', targetType: 'IpSet', targetId: row.id, before: toIpSet(row) });
    await notifyConfigChange(tx, { kind: 'waf' });
  });
  return {};
}
