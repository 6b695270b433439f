// ListWebACLs: the scope's web ACLs as summaries (each with its LockToken), a page at a time.
import { z } from 'zod';
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { pageQuery, toWafPage } from './waf-paging';
import { requireRegional } from './waf-scope';
import { nextMarker, paginationLimit, parseWafInput, scope } from './waf-validation';
import { toWebAclSummary, type WebAclSummary } from './web-acl-shape';

const listWebAclsInput = z.object({
  Scope: scope,
  NextMarker: nextMarker.optional(),
  Limit: paginationLimit.optional(),
});

export async function listWebAcls(
  actor: Actor,
  input: unknown,
): Promise<{ WebACLs: WebAclSummary[]; NextMarker?: string }> {
  authorize(actor, 'read');
  const data = parseWafInput(listWebAclsInput, input);
  const regional = requireRegional(data.Scope);
  const query = pageQuery(data);
  const rows = await db().webAcl.findMany({ ...query, where: { ...query.where, scope: regional } });
  const page = toWafPage(rows, data);
  return { WebACLs: page.items.map(toWebAclSummary), ...(page.nextMarker && { NextMarker: page.nextMarker }) };
}
