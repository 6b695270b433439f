// Route: which stage (and, for a canary release, which deployment), which resource and which method serve the
// request. Anything unknown is AWS's 403 Missing Authentication Token.
import { GatewayError } from '../gateway-error';
import { rawHeader } from '../mapping/raw-headers';
import { effectiveMethod, matchRoute } from '../routing';
import type { ServedStage } from '../served-stage';
import type { GatewayContext } from './gateway-context';

export function selectDeployment(ctx: GatewayContext, stage: ServedStage, random = Math.random): void {
  ctx.stage = stage;
  const canary = stage.canary;
  ctx.isCanary = canary !== undefined && random() * 100 < canary.percentTraffic;
  ctx.deployment = ctx.isCanary && canary ? canary.deployment : stage.deployment;
  ctx.stageVariables = ctx.isCanary && canary ? canary.variables : stage.variables;
}

const OVERRIDE = 'x-http-method-override';

/** The override header as the method request's header map has it (its last value), without building that map. */
function overrideHeaders(raw: readonly string[]): Record<string, string> {
  const value = rawHeader(raw, OVERRIDE, 'last');
  return value === undefined ? {} : { [OVERRIDE]: value };
}

export function routeRequest(ctx: GatewayContext): void {
  const deployment = ctx.deployment;
  if (!deployment) throw new GatewayError('MISSING_AUTHENTICATION_TOKEN');
  ctx.method = effectiveMethod(ctx.method, overrideHeaders(ctx.rawHeaders));
  const match = matchRoute(deployment.router, ctx.method, ctx.path);
  if (!match) throw new GatewayError('MISSING_AUTHENTICATION_TOKEN');
  ctx.route = match;
  ctx.methodDef = match.resource.methods[match.httpMethod];
}
