// The web ACL an association request names by its ARN (AssociateWebACL, ListResourcesForWebACL): a malformed ARN —
// or a CloudFront (global) one, at a regional endpoint — is WAFInvalidParameterException; one of another region or
// account, or of no web ACL, is WAFNonexistentItemException.
import type { WebAcl } from '@prisma/client';
import type { Tx } from '../../db/client';
import { findWebAcl } from './find-web-acl';
import { isLocalWafArn, parseWafArn } from './waf-arns';
import { arnNotValid, nonexistentItem } from './waf-errors';
import { REGIONAL } from './waf-scope';

/** With `share`, the web ACL's row is locked FOR SHARE until the transaction ends (DeleteWebACL waits for it). */
export async function findWebAclByArn(tx: Tx, arn: string, share = false): Promise<WebAcl> {
  const parsed = parseWafArn(arn);
  if (parsed?.entity !== 'webacl' || parsed.scope !== 'regional') throw arnNotValid(arn);
  if (!isLocalWafArn(parsed, 'webacl')) throw nonexistentItem();
  if (share) await tx.$queryRaw`SELECT "id" FROM "WebAcl" WHERE "id" = ${parsed.id} FOR SHARE`;
  return findWebAcl(tx, { scope: REGIONAL, id: parsed.id, name: parsed.name });
}
