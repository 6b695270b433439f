// GetWebACLForResource: the web ACL protecting a stage, or no WebACL at all when none does (as WAF answers).
import { z } from 'zod';
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { findProtectedStage } from './protected-stage';
import { parseWafInput, resourceArn } from './waf-validation';
import { toWebAcl, type WebAcl } from './web-acl-shape';

const getWebAclForResourceInput = z.object({ ResourceArn: resourceArn });

export async function getWebAclForResource(actor: Actor, input: unknown): Promise<{ WebACL?: WebAcl }> {
  authorize(actor, 'read');
  const data = parseWafInput(getWebAclForResourceInput, input);
  const { resourceArn: arn } = await findProtectedStage(db(), data.ResourceArn);
  const association = await db().webAclAssociation.findUnique({
    where: { resourceArn: arn },
    include: { webAcl: true },
  });
  return association ? { WebACL: toWebAcl(association.webAcl) } : {};
}
