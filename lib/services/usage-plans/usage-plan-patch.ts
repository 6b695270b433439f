// UpdateUsagePlan's patch paths applied to an in-memory plan (pure: the service validates and writes the result).
//   /name /description /productCode
//   /apiStages                                   add | remove, value "apiId:stage"
//   /apiStages/{apiId}:{stage}/throttle          remove (every method throttle of that stage)
//   /apiStages/{apiId}:{stage}/throttle/{resourcePath}/{METHOD}[/rateLimit|/burstLimit]
//                                                resourcePath `~1`-escaped: /apiStages/abc:prod/throttle/~1pets/GET/rateLimit
//   /throttle (remove) /throttle/rateLimit /throttle/burstLimit
//   /quota (remove) /quota/limit /quota/offset /quota/period
import { badRequest } from '../errors';
import {
  invalidPatchPath,
  type PatchOperation,
  parseInteger,
  parseNumber,
  patchScalar,
  requireValue,
  splitPatchPath,
  unsupportedOperation,
} from '../patch/patch-operations';
import { parseApiStageKey } from './usage-plan-input';
import type { QuotaPeriod, QuotaSettings, ThrottleSettings } from './usage-plan-shape';

export interface UsagePlanState {
  name: string;
  description: string | null;
  productCode: string | null;
  throttle: ThrottleSettings | null;
  quota: Partial<QuotaSettings> | null;
  /** "apiId:stage" → method throttles */
  apiStages: Map<string, Record<string, ThrottleSettings>>;
}

const MAX_INT = 2_147_483_647;
const PERIODS: readonly string[] = ['DAY', 'WEEK', 'MONTH'];

/** Sets (add/replace) or removes one field of a throttle; returns null when nothing is left. */
function patchThrottleField(
  throttle: ThrottleSettings | null,
  field: string,
  op: PatchOperation,
): ThrottleSettings | null {
  if (field !== 'rateLimit' && field !== 'burstLimit') throw invalidPatchPath(op);
  const next: ThrottleSettings = { ...throttle };
  if (op.op === 'remove') delete next[field];
  else if (op.op === 'add' || op.op === 'replace') {
    next[field] = field === 'rateLimit' ? parseNumber(op, 0, Number.MAX_SAFE_INTEGER) : parseInteger(op, 0, MAX_INT);
  } else throw unsupportedOperation(op);
  return Object.keys(next).length > 0 ? next : null;
}

function patchQuotaField(
  quota: Partial<QuotaSettings> | null,
  field: string,
  op: PatchOperation,
): Partial<QuotaSettings> {
  const next: Partial<QuotaSettings> = { ...quota };
  if (op.op !== 'add' && op.op !== 'replace' && !(op.op === 'remove' && field === 'offset')) {
    throw unsupportedOperation(op);
  }
  switch (field) {
    case 'limit':
      next.limit = parseInteger(op, 0, MAX_INT);
      break;
    case 'offset':
      next.offset = op.op === 'remove' ? 0 : parseInteger(op, 0, MAX_INT);
      break;
    case 'period': {
      const period = requireValue(op);
      if (!PERIODS.includes(period)) throw badRequest(`Invalid quota period ${period}: must be DAY, WEEK or MONTH`);
      next.period = period as QuotaPeriod;
      break;
    }
    default:
      throw invalidPatchPath(op);
  }
  return next;
}

function patchApiStages(state: UsagePlanState, rest: string[], op: PatchOperation): void {
  if (rest.length === 0) {
    const stageKey = requireValue(op);
    const { restApiId, stageName } = parseApiStageKey(stageKey);
    const key = `${restApiId}:${stageName}`;
    if (op.op === 'add') {
      if (!state.apiStages.has(key)) state.apiStages.set(key, {});
    } else if (op.op === 'remove') {
      if (!state.apiStages.delete(key)) throw badRequest(`API Stage ${key} is not in this usage plan`);
    } else throw unsupportedOperation(op);
    return;
  }
  const [stageKey = '', section, ...methodPath] = rest;
  const { restApiId, stageName } = parseApiStageKey(stageKey);
  const key = `${restApiId}:${stageName}`;
  const throttles = state.apiStages.get(key);
  if (!throttles) throw badRequest(`API Stage ${key} is not in this usage plan`);
  if (section !== 'throttle') throw invalidPatchPath(op);
  if (methodPath.length === 0) {
    if (op.op !== 'remove') throw unsupportedOperation(op);
    state.apiStages.set(key, {});
    return;
  }
  const last = methodPath[methodPath.length - 1];
  const field = last === 'rateLimit' || last === 'burstLimit' ? last : null;
  const parts = field ? methodPath.slice(0, -1) : methodPath;
  const method = parts.pop();
  if (!method || parts.length === 0) throw invalidPatchPath(op);
  const joined = parts.join('/');
  const resourcePath = joined.startsWith('/') ? joined : `/${joined}`;
  const throttleKey = `${resourcePath}/${method}`;
  const next = { ...throttles };
  if (field) {
    const updated = patchThrottleField(next[throttleKey] ?? null, field, op);
    if (updated) next[throttleKey] = updated;
    else delete next[throttleKey];
  } else if (op.op === 'remove') {
    if (!(throttleKey in next)) throw badRequest(`Invalid patch path ${op.path}: nothing to remove`);
    delete next[throttleKey];
  } else throw unsupportedOperation(op);
  state.apiStages.set(key, next);
}

export function applyUsagePlanPatch(state: UsagePlanState, op: PatchOperation): void {
  const [field, ...rest] = splitPatchPath(op.path);
  const sub = rest.join('/');
  switch (field) {
    case 'name': {
      if (sub) throw invalidPatchPath(op);
      if (op.op !== 'add' && op.op !== 'replace') throw unsupportedOperation(op);
      const name = requireValue(op).trim();
      if (!name) throw badRequest('Invalid usage plan name specified');
      state.name = name;
      return;
    }
    case 'description':
      if (sub) throw invalidPatchPath(op);
      state.description = patchScalar(op, requireValue);
      return;
    case 'productCode':
      if (sub) throw invalidPatchPath(op);
      state.productCode = patchScalar(op, requireValue);
      return;
    case 'apiStages':
      patchApiStages(state, rest, op);
      return;
    case 'throttle':
      if (!sub && op.op === 'remove') state.throttle = null;
      else if (rest.length === 1) state.throttle = patchThrottleField(state.throttle, sub, op);
      else throw invalidPatchPath(op);
      return;
    case 'quota':
      if (!sub && op.op === 'remove') state.quota = null;
      else if (rest.length === 1) state.quota = patchQuotaField(state.quota, sub, op);
      else throw invalidPatchPath(op);
      return;
    default:
      throw invalidPatchPath(op);
  }
}
