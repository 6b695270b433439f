// Lambda authorizers (§5.3–5.6). TOKEN: the token in the authorizer's header (missing, empty, or not matching the
// identityValidationExpression: 401 without calling the function); REQUEST: the identity sources (headers, query
// strings, stage variables, $context values; with caching on, any missing one is a 401 without a call). The function
// gets Lambda's authorizer event and answers a principal and a policy, kept for the authorizer's TTL per identity and
// evaluated against each request's method ARN: an explicit Deny or no Allow is 403. The function failing with
// exactly `Unauthorized` is 401; any other failure, a function that cannot be found or an answer that is no valid
// policy is AUTHORIZER_CONFIGURATION_ERROR (500, `{"message": null}`).
import { config } from '../../config';
import { type AuthorizerCache, authorizerCacheStage } from '../authorizers/authorizer-cache';
import { type AuthorizerOutput, InvalidAuthorizerOutput, readAuthorizerOutput } from '../authorizers/authorizer-policy';
import type { IdentitySource, LambdaAuthorizer } from '../authorizers/compile-authorizers';
import { callWithin, functionAt } from '../functions/function-call';
import { GatewayError } from '../gateway-error';
import { proxyEvent } from '../integrations/lambda-proxy';
import { soleRawHeader } from '../mapping/raw-headers';
import { methodArn } from '../policy/resource-policy';
import { methodArnPath } from '../routing/request-path';
import type { GatewayContext } from './gateway-context';

/** AWS gives an authorizer at most 30 seconds. */
const AUTHORIZER_TIMEOUT_MS = 30_000;

const configurationError = () => new GatewayError('AUTHORIZER_CONFIGURATION_ERROR');

function sourceValue(ctx: GatewayContext, source: IdentitySource): string | undefined {
  switch (source.from) {
    // an identity sent twice counts as missing (401): the authorizer would judge one copy, the backend read another
    case 'header':
      return soleRawHeader(ctx.rawHeaders, source.name);
    case 'querystring': {
      const values = ctx.request.multiQuery[source.name];
      return values?.length === 1 ? values[0] : undefined;
    }
    case 'stageVariables':
      return ctx.stageVariables[source.name];
    case 'context': {
      let value: unknown = ctx.context;
      for (const key of source.path) value = (value as Record<string, unknown> | undefined)?.[key];
      return value === undefined || value === null ? undefined : String(value);
    }
  }
}

async function callAuthorizer(ctx: GatewayContext, authorizer: LambdaAuthorizer, event: unknown) {
  const { uri, arn, resolved } = functionAt(ctx, authorizer.uri);
  if (!resolved) {
    ctx.trace?.(`Execution failed due to configuration error: Authorizer function not found: ${arn ?? uri}`);
    throw configurationError();
  }
  return callWithin(ctx, resolved, event, AUTHORIZER_TIMEOUT_MS, configurationError);
}

function readResult(result: { payload: string; functionError?: string }): AuthorizerOutput {
  if (result.functionError) {
    let message: unknown;
    try {
      message = (JSON.parse(result.payload) as { errorMessage?: unknown }).errorMessage;
    } catch {
      message = undefined;
    }
    throw message === 'Unauthorized' ? new GatewayError('UNAUTHORIZED') : configurationError();
  }
  try {
    return readAuthorizerOutput(result.payload);
  } catch (error) {
    if (error instanceof InvalidAuthorizerOutput) throw configurationError();
    throw error;
  }
}

/** The request's method ARN, as authorizers and policies see it. */
export function requestMethodArn(ctx: GatewayContext, restApiId: string, stageName: string): string {
  const api = { region: config.region, accountId: config.accountId, restApiId };
  return methodArn(api, stageName, ctx.method, methodArnPath(ctx.path));
}

/** The identity the authorizer keys its cache on and the event it sends the function; 401 when the identity is
 * missing (or fails the token expression). */
export function authorizerRequest(
  ctx: GatewayContext,
  authorizer: LambdaAuthorizer,
  arn: string,
): { identity: string[]; event: Record<string, unknown> } {
  const identity: string[] = [];
  if (authorizer.type === 'TOKEN') {
    const source = authorizer.sources[0];
    const token = source ? sourceValue(ctx, source) : undefined;
    if (!token) throw new GatewayError('UNAUTHORIZED');
    const pattern = authorizer.tokenPattern;
    if (pattern === null || (pattern && !pattern.test(token))) throw new GatewayError('UNAUTHORIZED');
    identity.push(token);
    return { identity, event: { type: 'TOKEN', methodArn: arn, authorizationToken: token } };
  }
  for (const source of authorizer.sources) {
    const value = sourceValue(ctx, source);
    if (!value && authorizer.ttlSeconds > 0) throw new GatewayError('UNAUTHORIZED');
    identity.push(value ?? '');
  }
  const { body: _body, isBase64Encoded: _binary, ...request } = proxyEvent(ctx);
  return { identity, event: { type: 'REQUEST', methodArn: arn, ...request } };
}

/** Calls the authorizer's function and reads its answer (401 for `Unauthorized`, 500 for anything unusable). */
export async function runAuthorizer(
  ctx: GatewayContext,
  authorizer: LambdaAuthorizer,
  event: unknown,
): Promise<AuthorizerOutput> {
  ctx.trace?.(`Starting authorizer: ${authorizer.id}`);
  return readResult(await callAuthorizer(ctx, authorizer, event));
}

export async function authorizeWithLambda(
  ctx: GatewayContext,
  authorizer: LambdaAuthorizer,
  cache: AuthorizerCache,
): Promise<void> {
  const stage = ctx.stage;
  if (!stage) throw configurationError();
  const arn = requestMethodArn(ctx, stage.restApiId, stage.stageName);
  const { identity, event } = authorizerRequest(ctx, authorizer, arn);
  // per stage (FlushStageAuthorizersCache empties one), deployment (a redeploy starts empty, as in AWS) and identity
  const key = `${authorizerCacheStage(stage.restApiId, stage.stageName)}${ctx.deployment?.deploymentId}/${authorizer.id}\n${identity.join('\n')}`;
  const startedAt = Date.now();
  let output = cache.get(key);
  if (!output) {
    output = await runAuthorizer(ctx, authorizer, event);
    cache.set(key, output, authorizer.ttlSeconds);
  }
  const decision = output.evaluate(arn);
  if (decision !== 'allow') {
    throw new GatewayError(
      'ACCESS_DENIED',
      decision === 'deny'
        ? 'User is not authorized to access this resource with an explicit deny'
        : 'User is not authorized to access this resource',
    );
  }
  ctx.authorizer = { ...output.context, principalId: output.principalId, integrationLatency: Date.now() - startedAt };
  ctx.authorizerApiKey = output.usageIdentifierKey;
}
