// CreateIPSet: an IP set of one address family in scope REGIONAL, its CIDR blocks checked as WAF checks them.
// Answers the set's Summary (with its first LockToken). Tags are not supported (refused).
import { randomUUID } from 'node:crypto';
import { Prisma } from '@prisma/client';
import { z } from 'zod';
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { notifyConfigChange } from '../config-changes';
import { checkIpAddresses } from './ip-addresses';
import { type IpSetSummary, toIpSet, toIpSetSummary } from './ip-set-shape';
import { newLockToken } from './lock-token';
import { duplicateItem, unsupportedParameter } from './waf-errors';
import { requireRegional } from './waf-scope';
import { entityDescription, entityName, ipAddress, ipAddressVersion, parseWafInput, scope } from './waf-validation';

const createIpSetInput = z.object({
  Name: entityName,
  Scope: scope,
  Description: entityDescription.optional(),
  IPAddressVersion: ipAddressVersion,
  Addresses: z.array(ipAddress),
  Tags: z.unknown().optional(),
});

export async function createIpSet(actor: Actor, input: unknown): Promise<{ Summary: IpSetSummary }> {
  authorize(actor, 'edit');
  const data = parseWafInput(createIpSetInput, input);
  const regional = requireRegional(data.Scope);
  if (data.Tags !== undefined) throw unsupportedParameter('TAGS', 'Tags');
  checkIpAddresses(data.IPAddressVersion, data.Addresses);
  try {
    const row = await db().$transaction(async (tx) => {
      const row = await tx.ipSet.create({
        data: {
          id: randomUUID(),
          name: data.Name,
          scope: regional,
          description: data.Description ?? null,
          ipAddressVersion: data.IPAddressVersion,
          addresses: data.Addresses,
          lockToken: newLockToken(),
        },
      });
      await audit(tx, actor, { action: 'create-ip-set', targetType: 'IpSet', targetId: row.id, after: toIpSet(row) });
      await notifyConfigChange(tx, { kind: 'waf' });
      return row;
    });
    return { Summary: toIpSetSummary(row) };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw duplicateItem();
    throw error;
  }
}
