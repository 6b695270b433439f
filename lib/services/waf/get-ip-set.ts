// GetIPSet: the set and its current LockToken.
import { z } from 'zod';
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { findIpSet } from './find-ip-set';
import { type IpSet, toIpSet } from './ip-set-shape';
import { requireRegional } from './waf-scope';
import { entityId, entityName, parseWafInput, scope } from './waf-validation';

const getIpSetInput = z.object({ Name: entityName, Scope: scope, Id: entityId });

export async function getIpSet(actor: Actor, input: unknown): Promise<{ IPSet: IpSet; LockToken: string }> {
  authorize(actor, 'read');
  const data = parseWafInput(getIpSetInput, input);
  const row = await findIpSet(db(), { scope: requireRegional(data.Scope), id: data.Id, name: data.Name });
  return { IPSet: toIpSet(row), LockToken: row.lockToken };
}
