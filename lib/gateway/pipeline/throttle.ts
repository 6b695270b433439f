// Throttling (§6.5), after the API key and before anything reaches the backend, in AWS's order: the key's usage
// plan (its per-method limit on this stage, then its limit per key across the plan's stages), the method's bucket on
// its stage (methodSettings), then the whole gateway's (AWS's account-level limit). An empty bucket is THROTTLED:
// 429 `Too Many Requests`. The plan's quota comes next (quota.ts).
import { GatewayError } from '../gateway-error';
import type { ThrottleLimit, TokenBuckets } from '../throttle/token-buckets';
import type { GatewayContext } from './gateway-context';

export interface Throttling {
  buckets: TokenBuckets;
  /** the gateway-wide limit (config.accountThrottle) */
  account: ThrottleLimit;
}

const ACCOUNT_BUCKET = '';

export function throttle(ctx: GatewayContext, throttling: Throttling): void {
  const stage = ctx.stage;
  const route = ctx.route;
  if (!stage || !route) return;
  const buckets = throttling.buckets;
  const planned = ctx.apiKey?.key;
  if (planned) {
    if (planned.methodThrottles.size > 0) {
      const planMethod = `${route.resourcePath}/${route.httpMethod}`;
      const methodLimit = planned.methodThrottles.get(planMethod);
      if (
        methodLimit &&
        !buckets.take(`${planned.bucket} ${stage.restApiId}/${stage.stageName} ${planMethod}`, methodLimit)
      ) {
        throw new GatewayError('THROTTLED');
      }
    }
    if (planned.throttle && !buckets.take(planned.bucket, planned.throttle)) throw new GatewayError('THROTTLED');
  }
  const method = stage.throttles.forRoute(route.resourcePath, route.httpMethod);
  if (!buckets.take(method.bucket, method.limit)) throw new GatewayError('THROTTLED');
  if (!buckets.take(ACCOUNT_BUCKET, throttling.account)) throw new GatewayError('THROTTLED');
}
