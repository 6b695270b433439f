// AWS WAFv2's operations Portico serves (X-Amz-Target `AWSWAF_20190729.<Operation>`), each a service in
// lib/services/waf taking the caller and the request's JSON and answering the response's.
import type { Actor } from '../services/actor';
import { associateWebAcl } from '../services/waf/associate-web-acl';
import { createIpSet } from '../services/waf/create-ip-set';
import { createWebAcl } from '../services/waf/create-web-acl';
import { deleteIpSet } from '../services/waf/delete-ip-set';
import { deleteWebAcl } from '../services/waf/delete-web-acl';
import { disassociateWebAcl } from '../services/waf/disassociate-web-acl';
import { getIpSet } from '../services/waf/get-ip-set';
import { getWebAcl } from '../services/waf/get-web-acl';
import { getWebAclForResource } from '../services/waf/get-web-acl-for-resource';
import { listIpSets } from '../services/waf/list-ip-sets';
import { listResourcesForWebAcl } from '../services/waf/list-resources-for-web-acl';
import { listWebAcls } from '../services/waf/list-web-acls';
import { updateIpSet } from '../services/waf/update-ip-set';
import { updateWebAcl } from '../services/waf/update-web-acl';

export type WafOperation = (actor: Actor, input: unknown) => Promise<object>;

export const WAF_OPERATIONS: ReadonlyMap<string, WafOperation> = new Map<string, WafOperation>([
  ['CreateIPSet', createIpSet],
  ['GetIPSet', getIpSet],
  ['UpdateIPSet', updateIpSet],
  ['DeleteIPSet', deleteIpSet],
  ['ListIPSets', listIpSets],
  ['CreateWebACL', createWebAcl],
  ['GetWebACL', getWebAcl],
  ['UpdateWebACL', updateWebAcl],
  ['DeleteWebACL', deleteWebAcl],
  ['ListWebACLs', listWebAcls],
  ['AssociateWebACL', associateWebAcl],
  ['DisassociateWebACL', disassociateWebAcl],
  ['GetWebACLForResource', getWebAclForResource],
  ['ListResourcesForWebACL', listResourcesForWebAcl],
]);
