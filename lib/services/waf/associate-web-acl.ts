// AssociateWebACL: the web ACL protects an API Gateway stage from now on. A stage has at most one web ACL:
// associating another replaces it, as in WAF. The stage's webAclArn (GetStage) follows, in the same transaction.
import { z } from 'zod';
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { notifyConfigChange } from '../config-changes';
import { findProtectedStage } from './protected-stage';
import { webAclArn } from './waf-arns';
import { parseWafInput, resourceArn } from './waf-validation';
import { findWebAclByArn } from './web-acl-reference';

const associateWebAclInput = z.object({ WebACLArn: resourceArn, ResourceArn: resourceArn });

export async function associateWebAcl(actor: Actor, input: unknown): Promise<Record<string, never>> {
  authorize(actor, 'edit');
  const data = parseWafInput(associateWebAclInput, input);
  await db().$transaction(async (tx) => {
    const acl = await findWebAclByArn(tx, data.WebACLArn, true);
    const { stage, resourceArn: arn } = await findProtectedStage(tx, data.ResourceArn, true);
    const aclArn = webAclArn(acl.name, acl.id);
    await tx.webAclAssociation.upsert({
      where: { resourceArn: arn },
      create: { resourceArn: arn, webAclId: acl.id },
      update: { webAclId: acl.id },
    });
    await tx.stage.update({ where: { id: stage.id }, data: { webAclArn: aclArn } });
    await audit(tx, actor, {
      action: 'associate-web-acl',
      targetType: 'WebAclAssociation',
      targetId: arn,
      ...(stage.webAclArn && { before: { ResourceArn: arn, WebACLArn: stage.webAclArn } }),
      after: { ResourceArn: arn, WebACLArn: aclArn },
    });
    await notifyConfigChange(tx, { kind: 'waf' });
  });
  return {};
}
