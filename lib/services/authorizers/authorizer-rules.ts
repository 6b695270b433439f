// The rules an authorizer's settings must satisfy, checked on the complete new state by CreateAuthorizer and
// UpdateAuthorizer alike.
import { badRequest } from '../errors';

export const AUTHORIZER_TYPES = ['TOKEN', 'REQUEST', 'COGNITO_USER_POOLS'] as const;
export const MAX_AUTHORIZERS_PER_API = 10;

export interface AuthorizerSettings {
  name: string;
  type: string;
  providerARNs: string[];
  authType: string | null;
  authorizerUri: string | null;
  authorizerCredentials: string | null;
  identitySource: string | null;
  identityValidationExpression: string | null;
  authorizerResultTtlInSeconds: number | null;
}

/** `arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{functionArn}/invocations` */
const LAMBDA_URI = /^arn:aws[a-z-]*:apigateway:[a-z0-9-]+:lambda:path\/2015-03-31\/functions\/arn:[^\s]+\/invocations$/;
const TOKEN_SOURCE = /^method\.request\.header\.[a-zA-Z0-9._-]+$/;
const REQUEST_SOURCE =
  /^(method\.request\.(header|querystring)\.[^\s,]+|stageVariables\.[A-Za-z0-9_]+|context\.[A-Za-z0-9_.]+)$/;
/** the pool id may be a stage variable (`userpool/${stageVariables.pool}`), as AWS allows */
const USER_POOL_ARN =
  /^arn:aws[a-z-]*:cognito-idp:[a-z0-9-]+:\d{12}:userpool\/([\w-]+|\$\{stageVariables\.[A-Za-z0-9_]+\})$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;

export function checkAuthorizerType(type: string): void {
  if (!(AUTHORIZER_TYPES as readonly string[]).includes(type)) {
    throw badRequest(
      `1 validation error detected: Value '${type}' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [${AUTHORIZER_TYPES.join(', ')}]`,
    );
  }
}

export function checkTtl(ttl: number): void {
  if (!Number.isInteger(ttl) || ttl < 0 || ttl > 3600) {
    throw badRequest(`Invalid authorizerResultTtlInSeconds: ${ttl}. Value must be between 0 and 3600`);
  }
}

function checkLambdaAuthorizer(settings: AuthorizerSettings): void {
  const uri = settings.authorizerUri;
  if (!uri || !LAMBDA_URI.test(uri)) {
    throw badRequest(
      `Invalid Authorizer URI: ${uri}. Authorizer URI should be a valid API Gateway ARN that represents a Lambda function invocation.`,
    );
  }
  if (settings.authorizerCredentials && !ROLE_ARN.test(settings.authorizerCredentials)) {
    throw badRequest(`Invalid authorizer credentials specified: ${settings.authorizerCredentials}`);
  }
}

function checkHeaderSource(source: string | null): void {
  if (!source || !TOKEN_SOURCE.test(source)) {
    throw badRequest(
      `Invalid token source expression: ${source}. The source must be a method request header, matching 'method.request.header.[a-zA-Z0-9._-]+'.`,
    );
  }
}

function checkRequestSources(settings: AuthorizerSettings): void {
  const sources = (settings.identitySource ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (sources.length === 0) {
    if ((settings.authorizerResultTtlInSeconds ?? 0) > 0) {
      throw badRequest('An identity source must be specified when authorization caching is enabled');
    }
    return;
  }
  for (const source of sources) {
    if (!REQUEST_SOURCE.test(source)) {
      throw badRequest(
        `Invalid identity source expression: ${source}. Valid sources are method.request.header.*, method.request.querystring.*, stageVariables.* and context.*`,
      );
    }
  }
}

function checkValidationExpression(expression: string | null): void {
  if (!expression) return;
  try {
    new RegExp(expression);
  } catch {
    throw badRequest(`Invalid identity validation expression specified: ${expression}`);
  }
}

export function checkAuthorizerSettings(settings: AuthorizerSettings): void {
  if (!settings.name.trim()) throw badRequest('Authorizer name must be non-empty');
  checkAuthorizerType(settings.type);
  if (settings.authorizerResultTtlInSeconds != null) checkTtl(settings.authorizerResultTtlInSeconds);
  switch (settings.type) {
    case 'TOKEN':
      checkLambdaAuthorizer(settings);
      checkHeaderSource(settings.identitySource);
      checkValidationExpression(settings.identityValidationExpression);
      return;
    case 'REQUEST':
      checkLambdaAuthorizer(settings);
      checkRequestSources(settings);
      return;
    default:
      if (settings.providerARNs.length === 0) {
        throw badRequest('ProviderARNs need to be specified for a COGNITO_USER_POOLS authorizer');
      }
      for (const arn of settings.providerARNs) {
        if (!USER_POOL_ARN.test(arn)) throw badRequest(`Invalid Cognito User Pool ARN specified: ${arn}`);
      }
      checkHeaderSource(settings.identitySource);
      checkValidationExpression(settings.identityValidationExpression);
  }
}
