// Portico's WAF protects API Gateway stages, which are regional: scope REGIONAL only. CLOUDFRONT (web ACLs for
// CloudFront distributions) is refused as WAF refuses it outside us-east-1.
import { scopeNotValid } from './waf-errors';

export const REGIONAL = 'REGIONAL';

export function requireRegional(scope: string): typeof REGIONAL {
  if (scope !== REGIONAL) throw scopeNotValid(scope);
  return REGIONAL;
}
