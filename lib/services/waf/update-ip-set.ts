// UpdateIPSet: replaces the set's addresses and description (an absent Description clears it, as WAF's update
// replaces every mutable setting), given the current LockToken; answers the next one.
import { z } from 'zod';
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { notifyConfigChange } from '../config-changes';
import { lockIpSet } from './find-ip-set';
import { checkIpAddresses, type IpAddressVersion } from './ip-addresses';
import { toIpSet } from './ip-set-shape';
import { checkLockToken, newLockToken } from './lock-token';
import { requireRegional } from './waf-scope';
import { entityDescription, entityId, entityName, ipAddress, lockToken, parseWafInput, scope } from './waf-validation';

const updateIpSetInput = z.object({
  Name: entityName,
  Scope: scope,
  Id: entityId,
  Description: entityDescription.optional(),
  Addresses: z.array(ipAddress),
  LockToken: lockToken,
});

export async function updateIpSet(actor: Actor, input: unknown): Promise<{ NextLockToken: string }> {
  authorize(actor, 'edit');
  const data = parseWafInput(updateIpSetInput, input);
  const regional = requireRegional(data.Scope);
  return db().$transaction(async (tx) => {
    const before = await lockIpSet(tx, { scope: regional, id: data.Id, name: data.Name });
    checkLockToken(before.lockToken, data.LockToken);
    checkIpAddresses(before.ipAddressVersion as IpAddressVersion, data.Addresses);
    const after = await tx.ipSet.update({
      where: { id: before.id },
      data: { description: data.Description ?? null, addresses: data.Addresses, lockToken: newLockToken() },
    });
    await audit(tx, actor, {
      action: 'update-ip-set',
      targetType: 'IpSet',
      targetId: after.id,
      before: toIpSet(before),
      after: toIpSet(after),
    });
    await notifyConfigChange(tx, { kind: 'waf' });
    return { NextLockToken: after.lockToken };
  });
}
