// DisassociateWebACL: the stage is no longer protected by a web ACL. A stage without one is already so (success,
// as in WAF); a stage that does not exist is WAFNonexistentItemException.
import { z } from 'zod';
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { notifyConfigChange } from '../config-changes';
import { findProtectedStage } from './protected-stage';
import { parseWafInput, resourceArn } from './waf-validation';

const disassociateWebAclInput = z.object({ ResourceArn: resourceArn });

export async function disassociateWebAcl(actor: Actor, input: unknown): Promise<Record<string, never>> {
  authorize(actor, 'edit');
  const data = parseWafInput(disassociateWebAclInput, input);
  await db().$transaction(async (tx) => {
    const { stage, resourceArn: arn } = await findProtectedStage(tx, data.ResourceArn, true);
    const { count } = await tx.webAclAssociation.deleteMany({ where: { resourceArn: arn } });
    if (count === 0 && stage.webAclArn === null) return;
    await tx.stage.update({ where: { id: stage.id }, data: { webAclArn: null } });
    await audit(tx, actor, {
      action: 'disassociate-web-acl',
      targetType: 'WebAclAssociation',
      targetId: arn,
      before: { ResourceArn: arn, WebACLArn: stage.webAclArn },
    });
    await notifyConfigChange(tx, { kind: 'waf' });
  });
  return {};
}
