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

const admitted = (ok: boolean): void => {
  if (!ok) throw new GatewayError('THROTTLED');
};

/** Takes a token from each bucket in order; undefined when all answered at once, else the promise of the rest. */
export function throttle(ctx: GatewayContext, throttling: Throttling): Promise<void> | undefined {
  const stage = ctx.stage;
  const route = ctx.route;
  if (!stage || !route) return undefined;
  const buckets = throttling.buckets;
  let waiting: Promise<void> | undefined;
  const check = (key: string, limit: ThrottleLimit): void => {
    if (waiting) {
      waiting = waiting.then(async () => admitted(await buckets.take(key, limit)));
      return;
    }
    const taken = buckets.take(key, limit);
    if (typeof taken === 'boolean') admitted(taken);
    else waiting = taken.then(admitted);
  };
  const planned = ctx.apiKey?.key;
  if (planned) {
    if (planned.methodThrottles.size > 0) {
      const planMethod = `${route.resourcePath}/${route.httpMethod}`;
      const methodLimit = planned.methodThrottles.get(planMethod);
      if (methodLimit) check(`${planned.bucket} ${stage.restApiId}/${stage.stageName} ${planMethod}`, methodLimit);
    }
    if (planned.throttle) check(planned.bucket, planned.throttle);
  }
  const method = stage.throttles.forRoute(route.resourcePath, route.httpMethod);
  check(method.bucket, method.limit);
  check(ACCOUNT_BUCKET, throttling.account);
  return waiting;
}
