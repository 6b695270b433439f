// A stage's throttling limits (§7.4 methodSettings, which change without a redeploy): `*/*` sets every method's
// limits, a `{resourcePath}/{METHOD}` entry (`pets/{id}/GET`; the root resource's is `/GET`) one method's. Each method
// has a bucket of its own either way ("default method throttling"); AWS's defaults apply where the stage sets none.
import type { ThrottleLimit } from './token-buckets';

export const DEFAULT_METHOD_THROTTLE: ThrottleLimit = { rateLimit: 10_000, burstLimit: 5_000 };

export interface StageThrottles {
  /** the limits of the method whose methodSettings key is `methodKey` */
  forMethod(methodKey: string): ThrottleLimit;
  /** a routed method's bucket name and limits, built on its first request and reused after */
  forRoute(resourcePath: string, httpMethod: string): MethodThrottle;
}

export interface MethodThrottle {
  bucket: string;
  limit: ThrottleLimit;
}

/** The methodSettings key of a method: its resource path without the leading slash, then the method. */
export const methodSettingsKey = (resourcePath: string, httpMethod: string) => `${resourcePath.slice(1)}/${httpMethod}`;

function limitOf(setting: unknown, fallback: ThrottleLimit): ThrottleLimit {
  const s = (setting ?? {}) as { throttlingRateLimit?: unknown; throttlingBurstLimit?: unknown };
  const rate =
    typeof s.throttlingRateLimit === 'number' && s.throttlingRateLimit >= 0 ? s.throttlingRateLimit : undefined;
  const burst =
    typeof s.throttlingBurstLimit === 'number' && s.throttlingBurstLimit >= 0 ? s.throttlingBurstLimit : undefined;
  return { rateLimit: rate ?? fallback.rateLimit, burstLimit: burst ?? fallback.burstLimit };
}

/** `bucketPrefix` names the stage's buckets (`{restApiId}/{stageName}`). */
export function compileStageThrottles(
  methodSettings: Record<string, unknown> | null | undefined,
  bucketPrefix = '',
): StageThrottles {
  const settings = methodSettings ?? {};
  const stageDefault = limitOf(settings['*/*'], DEFAULT_METHOD_THROTTLE);
  const perMethod = new Map<string, ThrottleLimit>();
  for (const [key, setting] of Object.entries(settings)) {
    if (key !== '*/*') perMethod.set(key, limitOf(setting, stageDefault));
  }
  const forMethod = (methodKey: string) => perMethod.get(methodKey) ?? stageDefault;
  // resource path (the route's template, so bounded by the deployment) → method → its bucket
  const routes = new Map<string, Map<string, MethodThrottle>>();
  return {
    forMethod,
    forRoute(resourcePath, httpMethod) {
      let byMethod = routes.get(resourcePath);
      if (byMethod === undefined) {
        byMethod = new Map();
        routes.set(resourcePath, byMethod);
      }
      let entry = byMethod.get(httpMethod);
      if (entry === undefined) {
        const methodKey = methodSettingsKey(resourcePath, httpMethod);
        entry = { bucket: `${bucketPrefix} ${methodKey}`, limit: forMethod(methodKey) };
        byMethod.set(httpMethod, entry);
      }
      return entry;
    },
  };
}
