// Stage method settings (AWS §7.4): `*/*` for the whole stage and `{resourcePath}/{METHOD}` overrides, with AWS's
// defaults; a new override starts as a copy of the current `*/*` values.
import { badRequest } from '../errors';
import { type PatchOperation, parseBoolean, parseInteger, parseNumber, requireValue } from '../patch/patch-operations';

export interface MethodSetting {
  metricsEnabled: boolean;
  loggingLevel: string;
  dataTraceEnabled: boolean;
  throttlingBurstLimit: number;
  throttlingRateLimit: number;
  cachingEnabled: boolean;
  cacheTtlInSeconds: number;
  cacheDataEncrypted: boolean;
  requireAuthorizationForCacheControl: boolean;
  unauthorizedCacheControlHeaderStrategy: string;
}

export const DEFAULT_METHOD_SETTING: MethodSetting = {
  metricsEnabled: false,
  loggingLevel: 'OFF',
  dataTraceEnabled: false,
  throttlingBurstLimit: 5000,
  throttlingRateLimit: 10000.0,
  cachingEnabled: false,
  cacheTtlInSeconds: 300,
  cacheDataEncrypted: false,
  requireAuthorizationForCacheControl: true,
  unauthorizedCacheControlHeaderStrategy: 'SUCCEED_WITH_RESPONSE_HEADER',
};

const STRATEGIES = ['FAIL_WITH_403', 'SUCCEED_WITH_RESPONSE_HEADER', 'SUCCEED_WITHOUT_RESPONSE_HEADER'];
const LOG_LEVELS = ['OFF', 'ERROR', 'INFO'];

/** Applies the setting `/{group}/{name}` (e.g. "caching/ttlInSeconds"); returns false for an unknown setting. */
function applySetting(setting: MethodSetting, name: string, op: PatchOperation): boolean {
  switch (name) {
    case 'metrics/enabled':
      setting.metricsEnabled = parseBoolean(op);
      return true;
    case 'logging/loglevel': {
      const level = requireValue(op).toUpperCase();
      if (!LOG_LEVELS.includes(level))
        throw badRequest(`Invalid logging level: ${requireValue(op)}. Must be one of: [OFF, ERROR, INFO]`);
      setting.loggingLevel = level;
      return true;
    }
    case 'logging/dataTrace':
      setting.dataTraceEnabled = parseBoolean(op);
      return true;
    case 'throttling/burstLimit':
      setting.throttlingBurstLimit = parseInteger(op, 0, 2 ** 31 - 1);
      return true;
    case 'throttling/rateLimit':
      setting.throttlingRateLimit = parseNumber(op, 0, Number.MAX_SAFE_INTEGER);
      return true;
    case 'caching/enabled':
      setting.cachingEnabled = parseBoolean(op);
      return true;
    case 'caching/ttlInSeconds':
      setting.cacheTtlInSeconds = parseInteger(op, 0, 3600);
      return true;
    case 'caching/dataEncrypted':
      setting.cacheDataEncrypted = parseBoolean(op);
      return true;
    case 'caching/requireAuthorizationForCacheControl':
      setting.requireAuthorizationForCacheControl = parseBoolean(op);
      return true;
    case 'caching/unauthorizedCacheControlHeaderStrategy': {
      const value = requireValue(op);
      if (!STRATEGIES.includes(value)) throw badRequest(`Invalid unauthorizedCacheControlHeaderStrategy: ${value}`);
      setting.unauthorizedCacheControlHeaderStrategy = value;
      return true;
    }
    default:
      return false;
  }
}

/**
 * A method-setting patch: `parts` is the unescaped path split on "/" ("pets~1{id}" arrives as "pets/{id}").
 * Returns false when the path is not a method setting at all.
 */
export function patchMethodSetting(
  settings: Record<string, MethodSetting>,
  parts: string[],
  op: PatchOperation,
): boolean {
  if (parts.length !== 4) return false;
  const [resourcePath, httpMethod, group, name] = parts as [string, string, string, string];
  const key =
    resourcePath === '*' && httpMethod === '*'
      ? '*/*'
      : `${resourcePath.replace(/^\//, '')}/${httpMethod.toUpperCase()}`;
  const current = settings[key] ?? { ...(settings['*/*'] ?? DEFAULT_METHOD_SETTING) };
  if (op.op === 'remove' && `${group}/${name}` === 'all/all') {
    delete settings[key];
    return true;
  }
  if (op.op !== 'replace' && op.op !== 'add') return false;
  if (!applySetting(current, `${group}/${name}`, op)) return false;
  settings[key] = current;
  return true;
}
