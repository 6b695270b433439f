// ListResourcesForWebACL: the ARNs of the resources a web ACL protects, of one ResourceType — API_GATEWAY for
// Portico's stages. Without a ResourceType WAF lists APPLICATION_LOAD_BALANCER resources, which Portico has none of:
// an empty list, as WAF answers for a web ACL protecting only API Gateway stages.
import { z } from 'zod';
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { parseWafInput, resourceArn, resourceType } from './waf-validation';
import { findWebAclByArn } from './web-acl-reference';

const listResourcesForWebAclInput = z.object({ WebACLArn: resourceArn, ResourceType: resourceType.optional() });

export async function listResourcesForWebAcl(actor: Actor, input: unknown): Promise<{ ResourceArns: string[] }> {
  authorize(actor, 'read');
  const data = parseWafInput(listResourcesForWebAclInput, input);
  const acl = await findWebAclByArn(db(), data.WebACLArn);
  if ((data.ResourceType ?? 'APPLICATION_LOAD_BALANCER') !== 'API_GATEWAY') return { ResourceArns: [] };
  const rows = await db().webAclAssociation.findMany({
    where: { webAclId: acl.id },
    orderBy: { resourceArn: 'asc' },
    select: { resourceArn: true },
  });
  return { ResourceArns: rows.map((row) => row.resourceArn) };
}
