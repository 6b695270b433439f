// CreateWebACL: a web ACL in scope REGIONAL — its definition checked (lib/waf) and stored as given, with the
// capacity its rules use — answering its Summary (with its first LockToken).
import { randomUUID } from 'node:crypto';
import { Prisma } from '@prisma/client';
import { z } from 'zod';
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { notifyConfigChange } from '../config-changes';
import { checkDefinition } from './check-web-acl-definition';
import { newLockToken } from './lock-token';
import { duplicateItem } from './waf-errors';
import { requireRegional } from './waf-scope';
import { parseWafInput, scope } from './waf-validation';
import { refuseUnsupportedSettings, webAclDefinitionColumns, webAclInput } from './web-acl-input';
import { toWebAcl, toWebAclSummary, type WebAclSummary } from './web-acl-shape';

const createWebAclInput = z.object({ ...webAclInput, Scope: scope });

export async function createWebAcl(actor: Actor, input: unknown): Promise<{ Summary: WebAclSummary }> {
  authorize(actor, 'edit');
  const data = parseWafInput(createWebAclInput, input);
  const regional = requireRegional(data.Scope);
  refuseUnsupportedSettings(data);
  try {
    const row = await db().$transaction(async (tx) => {
      const capacity = await checkDefinition(tx, regional, data);
      const row = await tx.webAcl.create({
        data: {
          id: randomUUID(),
          name: data.Name,
          scope: regional,
          ...webAclDefinitionColumns(data, capacity, newLockToken()),
        },
      });
      await audit(tx, actor, {
        action: 'create-web-acl',
        targetType: 'WebAcl',
        targetId: row.id,
        after: toWebAcl(row),
      });
      await notifyConfigChange(tx, { kind: 'waf' });
      return row;
    });
    return { Summary: toWebAclSummary(row) };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw duplicateItem();
    throw error;
  }
}
