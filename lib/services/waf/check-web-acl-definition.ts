// A web ACL's definition, checked before it is written: what it means (lib/waf/web-acl-definition.ts: what Portico's
// gateway can evaluate, and the capacity in WCUs; its WafDefinitionError becomes WAF's
// WAFInvalidParameterException), and that every IP set its rules reference exists (WAFNonexistentItemException).
// Those IP sets are locked FOR SHARE until the transaction ends, so that none is deleted under the web ACL being
// written (DeleteIPSet locks its set FOR UPDATE, then looks for web ACLs referencing it).
import { Prisma } from '@prisma/client';
import type { Tx } from '../../db/client';
import { checkWebAclDefinition, WafDefinitionError } from '../../waf/web-acl-definition';
import { isLocalWafArn, parseWafArn } from './waf-arns';
import { invalidParameter, nonexistentItem } from './waf-errors';

export interface WebAclDefinitionInput {
  DefaultAction: unknown;
  Rules?: unknown;
  CustomResponseBodies?: unknown;
}

/** The definition's capacity in WCUs, once it is known to be valid and its IP sets to exist (and locked). */
export async function checkDefinition(tx: Tx, scope: string, def: WebAclDefinitionInput): Promise<number> {
  let checked: { capacity: number; ipSetArns: string[] };
  try {
    checked = checkWebAclDefinition(def);
  } catch (error) {
    if (error instanceof WafDefinitionError) throw invalidParameter(error.field, error.parameter, error.reason);
    throw error;
  }
  const wanted = new Map<string, string>(); // id → name
  for (const arn of checked.ipSetArns) {
    const parsed = parseWafArn(arn);
    if (!parsed || !isLocalWafArn(parsed, 'ipset')) throw nonexistentItem();
    wanted.set(parsed.id, parsed.name);
  }
  if (wanted.size > 0) {
    const found = await tx.$queryRaw<Array<{ id: string; name: string; scope: string }>>`
      SELECT "id", "name", "scope" FROM "IpSet" WHERE "id" IN (${Prisma.join([...wanted.keys()])}) FOR SHARE`;
    const byId = new Map(found.map((row) => [row.id, row]));
    for (const [id, name] of wanted) {
      const row = byId.get(id);
      if (!row || row.name !== name || row.scope !== scope) throw nonexistentItem();
    }
  }
  return checked.capacity;
}
