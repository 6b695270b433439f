// A deployment's authorizers, compiled once when it is loaded: for a COGNITO_USER_POOLS authorizer, the header that
// carries the token, the pools' issuers (a pool named by a stage variable is resolved per request), and its
// identityValidationExpression, which AWS matches against the ID token's `aud`; for a Lambda authorizer (TOKEN,
// REQUEST), its function, identity sources, token expression and result TTL.
import { config } from '../../config';
import type { SnapshotAuthorizer } from '../../snapshot/snapshot-schema';
import { withStageVariables } from '../mapping/stage-variables';

export interface UserPoolAuthorizer {
  type: 'COGNITO_USER_POOLS';
  id: string;
  /** lower-cased name of the header holding the token (`method.request.header.Authorization` by default) */
  header: string;
  /** issuer URL for each configured pool, or the ARN itself when its pool id is a stage variable */
  pools: Array<{ issuer: string } | { arn: string }>;
  /** the ID token's `aud` must match it whole; null when the expression is not a valid regular expression */
  audience?: RegExp | null;
}

/** Where a REQUEST authorizer's identity comes from (`method.request.header.X`, `…querystring.X`, `stageVariables.X`,
 * `context.X`); a TOKEN authorizer has one header. */
export type IdentitySource =
  | { from: 'header'; name: string }
  | { from: 'querystring'; name: string }
  | { from: 'stageVariables'; name: string }
  | { from: 'context'; path: string[] };

/** A Lambda authorizer (TOKEN or REQUEST). */
export interface LambdaAuthorizer {
  type: 'TOKEN' | 'REQUEST';
  id: string;
  /** the function's invocation URI (`arn:aws:apigateway:…:lambda:path/2015-03-31/functions/{arn}/invocations`) */
  uri: string;
  sources: IdentitySource[];
  /** a TOKEN authorizer's token must match it whole before the function is called; null: not a valid expression */
  tokenPattern?: RegExp | null;
  /** seconds a result is reused for the same identity (0: every request calls the function) */
  ttlSeconds: number;
}

export type CompiledAuthorizer = UserPoolAuthorizer | LambdaAuthorizer;

const USER_POOL_ARN = /^arn:aws[a-z-]*:cognito-idp:([a-z0-9-]+):\d{12}:userpool\/(.+)$/;

/** The issuer of a user pool's tokens, from its ARN (undefined for an ARN that names no pool). */
export function userPoolIssuer(arn: string, stageVariables: Record<string, string> = {}): string | undefined {
  const match = USER_POOL_ARN.exec(withStageVariables(arn, stageVariables));
  if (!match) return undefined;
  const [, region, poolId] = match as unknown as [string, string, string];
  if (!/^[\w-]+$/.test(poolId)) return undefined;
  return `${config.cognitoIdpEndpoint ?? `https://cognito-idp.${region}.amazonaws.com`}/${poolId}`;
}

/** The issuers an authorizer trusts for a request with these stage variables. */
export function userPoolIssuers(authorizer: UserPoolAuthorizer, stageVariables: Record<string, string>): string[] {
  const issuers: string[] = [];
  for (const pool of authorizer.pools) {
    const issuer = 'issuer' in pool ? pool.issuer : userPoolIssuer(pool.arn, stageVariables);
    if (issuer) issuers.push(issuer);
  }
  return issuers;
}

function identitySource(text: string): IdentitySource | undefined {
  const [head, second, third, ...rest] = text.trim().split('.');
  if (head === 'method' && second === 'request' && (third === 'header' || third === 'querystring') && rest.length) {
    const name = rest.join('.');
    return third === 'header' ? { from: 'header', name: name.toLowerCase() } : { from: 'querystring', name };
  }
  if (head === 'stageVariables' && second)
    return { from: 'stageVariables', name: [second, third, ...rest].filter(Boolean).join('.') };
  if (head === 'context' && second)
    return { from: 'context', path: [second, third, ...rest].filter(Boolean) as string[] };
  return undefined;
}

function compileLambdaAuthorizer(authorizer: SnapshotAuthorizer): LambdaAuthorizer {
  const type = authorizer.type === 'REQUEST' ? 'REQUEST' : 'TOKEN';
  const sourceText = authorizer.identitySource ?? (type === 'TOKEN' ? 'method.request.header.Authorization' : '');
  const sources = sourceText
    .split(',')
    .filter((s) => s.trim() !== '')
    .map(identitySource)
    .filter((s): s is IdentitySource => s !== undefined);
  return {
    type,
    id: authorizer.id,
    uri: authorizer.authorizerUri ?? '',
    sources,
    ...(type === 'TOKEN' && { tokenPattern: compileAudience(authorizer.identityValidationExpression) }),
    ttlSeconds: authorizer.authorizerResultTtlInSeconds ?? 300,
  };
}

function compileAudience(expression: string | null | undefined): RegExp | null | undefined {
  if (!expression) return undefined;
  try {
    return new RegExp(`^(?:${expression})$`);
  } catch {
    return null;
  }
}

function compileAuthorizer(authorizer: SnapshotAuthorizer): CompiledAuthorizer {
  if (authorizer.type !== 'COGNITO_USER_POOLS') return compileLambdaAuthorizer(authorizer);
  const source = authorizer.identitySource ?? 'method.request.header.Authorization';
  return {
    type: 'COGNITO_USER_POOLS',
    id: authorizer.id,
    header: source.slice(source.lastIndexOf('.') + 1).toLowerCase(),
    pools: (authorizer.providerARNs ?? []).map((arn) => {
      if (arn.includes('${')) return { arn };
      const issuer = userPoolIssuer(arn);
      return issuer ? { issuer } : { arn };
    }),
    audience: compileAudience(authorizer.identityValidationExpression),
  };
}

export function compileAuthorizers(
  authorizers: readonly SnapshotAuthorizer[],
): ReadonlyMap<string, CompiledAuthorizer> {
  return new Map(authorizers.map((a) => [a.id, compileAuthorizer(a)]));
}
