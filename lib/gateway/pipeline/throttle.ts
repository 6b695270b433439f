// Throttling (§6.5), after the API key and before anything reaches the backend, in AWS's order: the key's usage
// plan (its per-method limit on this stage, then its limit per key across the plan's stages), the method's bucket on
// its stage (methodSettings), then the whole gateway's (AWS's account-level limit). An empty bucket is THROTTLED:
// 429 `Too Many Requests`. The plan's quota comes next (quota.ts). With buckets in memory every check answers at
// once; with buckets shared through Redis a check may wait for a lease, and the checks after it wait their turn.
import { GatewayError } from '../gateway-error';
import type { Buckets, ThrottleLimit } from '../throttle/token-buckets';
import type { GatewayContext } from './gateway-context';

export interface Throttling {
  buckets: Buckets;
  /** the gateway-wide limit (config.accountThrottle) */
  account: ThrottleLimit;
}

const ACCOUNT_BUCKET = '';

function admitted(ok: boolean): void {
  if (!ok) throw new GatewayError('THROTTLED');
}

type Check = readonly [key: string, limit: ThrottleLimit];

/** Takes a token from each bucket in order, from `from` on; a promise only once a bucket makes it wait. */
function takeEach(buckets: Buckets, checks: readonly Check[], from: number): Promise<void> | undefined {
  for (let i = from; i < checks.length; i += 1) {
    const [key, limit] = checks[i] as Check;
    const taken = buckets.take(key, limit);
    if (taken === true) continue;
    if (taken === false) throw new GatewayError('THROTTLED');
    return taken.then((ok) => {
      admitted(ok);
      return takeEach(buckets, checks, i + 1);
    });
  }
  return undefined;
}

/** Takes a token from each bucket in order; undefined when all answered at once, else the promise of the rest. */
export function throttle(ctx: GatewayContext, throttling: Throttling): Promise<void> | undefined {
  const stage = ctx.stage;
  const route = ctx.route;
  if (!stage || !route) return undefined;
  const buckets = throttling.buckets;
  const method = stage.throttles.forRoute(route.resourcePath, route.httpMethod);
  const planned = ctx.apiKey?.key;
  if (!planned) {
    // the usual request: the method's bucket, then the gateway's — nothing allocated when both answer at once
    const taken = buckets.take(method.bucket, method.limit);
    if (taken === false) throw new GatewayError('THROTTLED');
    if (taken === true) {
      const account = buckets.take(ACCOUNT_BUCKET, throttling.account);
      if (typeof account !== 'boolean') return account.then(admitted);
      admitted(account);
      return undefined;
    }
    return taken.then((ok) => {
      admitted(ok);
      return takeEach(buckets, [[ACCOUNT_BUCKET, throttling.account]], 0);
    });
  }
  const checks: Check[] = [];
  if (planned.methodThrottles.size > 0) {
    const planMethod = `${route.resourcePath}/${route.httpMethod}`;
    const methodLimit = planned.methodThrottles.get(planMethod);
    if (methodLimit)
      checks.push([`${planned.bucket} ${stage.restApiId}/${stage.stageName} ${planMethod}`, methodLimit]);
  }
  if (planned.throttle) checks.push([planned.bucket, planned.throttle]);
  checks.push([method.bucket, method.limit], [ACCOUNT_BUCKET, throttling.account]);
  return takeEach(buckets, checks, 0);
}
