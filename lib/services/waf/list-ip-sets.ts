// ListIPSets: the scope's IP sets as summaries (each with its LockToken), a page at a time.
import { z } from 'zod';
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { type IpSetSummary, toIpSetSummary } from './ip-set-shape';
import { pageQuery, toWafPage } from './waf-paging';
import { requireRegional } from './waf-scope';
import { nextMarker, paginationLimit, parseWafInput, scope } from './waf-validation';

const listIpSetsInput = z.object({
  Scope: scope,
  NextMarker: nextMarker.optional(),
  Limit: paginationLimit.optional(),
});

export async function listIpSets(
  actor: Actor,
  input: unknown,
): Promise<{ IPSets: IpSetSummary[]; NextMarker?: string }> {
  authorize(actor, 'read');
  const data = parseWafInput(listIpSetsInput, input);
  const regional = requireRegional(data.Scope);
  const query = pageQuery(data);
  const rows = await db().ipSet.findMany({ ...query, where: { ...query.where, scope: regional } });
  const page = toWafPage(rows, data);
  return { IPSets: page.items.map(toIpSetSummary), ...(page.nextMarker && { NextMarker: page.nextMarker }) };
}
