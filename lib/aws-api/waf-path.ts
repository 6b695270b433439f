// Where the management API serves AWS WAFv2 (`/wafv2`, what the SDK posts to as `/wafv2/`) and the service its
// requests are signed for.
export const WAF_PATH = '/wafv2';
export const WAF_SIGNING_SERVICE = 'wafv2';

export const isWafPath = (path: string): boolean => path === WAF_PATH || path === `${WAF_PATH}/`;
