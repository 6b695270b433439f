// GetWebACL: the web ACL, by its ARN or by its Name, Scope and Id, with its current LockToken.
import { z } from 'zod';
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { findWebAcl } from './find-web-acl';
import { requireRegional } from './waf-scope';
import { entityId, entityName, parseWafInput, resourceArn, scope, validationError } from './waf-validation';
import { findWebAclByArn } from './web-acl-reference';
import { toWebAcl, type WebAcl } from './web-acl-shape';

const getWebAclInput = z.object({
  Name: entityName.optional(),
  Scope: scope.optional(),
  Id: entityId.optional(),
  ARN: resourceArn.optional(),
});

export async function getWebAcl(actor: Actor, input: unknown): Promise<{ WebACL: WebAcl; LockToken: string }> {
  authorize(actor, 'read');
  const { Name: name, Scope: given, Id: id, ARN: arn } = parseWafInput(getWebAclInput, input);
  let row: Awaited<ReturnType<typeof findWebAcl>>;
  if (arn !== undefined) {
    row = await findWebAclByArn(db(), arn);
  } else if (name === undefined || given === undefined || id === undefined) {
    // (?) AWS's answer when neither the ARN nor all of Name, Scope and Id are given is not documented
    const missing = Object.entries({ name, scope: given, id }).filter(([, v]) => v === undefined);
    throw validationError(
      missing.map(([member]) => `Value null at '${member}' failed to satisfy constraint: Member must not be null`),
    );
  } else {
    row = await findWebAcl(db(), { scope: requireRegional(given), id, name });
  }
  return { WebACL: toWebAcl(row), LockToken: row.lockToken };
}
