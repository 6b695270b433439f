// A deployment's authorizers, compiled once when it is loaded: for a COGNITO_USER_POOLS authorizer, the header that
// carries the token, the pools' issuers (a pool named by a stage variable is resolved per request), and its
// identityValidationExpression, which AWS matches against the ID token's `aud`.
import { config } from '../../config';
import type { SnapshotAuthorizer } from '../../snapshot/snapshot-schema';

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

/** A Lambda authorizer (TOKEN or REQUEST): Portico has no function runtime to invoke it yet. */
export interface LambdaAuthorizer {
  type: 'TOKEN' | 'REQUEST';
  id: string;
}

export type CompiledAuthorizer = UserPoolAuthorizer | LambdaAuthorizer;

const USER_POOL_ARN = /^arn:aws[a-z-]*:cognito-idp:([a-z0-9-]+):\d{12}:userpool\/(.+)$/;
const STAGE_VARIABLE = /\$\{stageVariables\.([A-Za-z0-9_]+)\}/g;

/** The issuer of a user pool's tokens, from its ARN (undefined for an ARN that names no pool). */
export function userPoolIssuer(arn: string, stageVariables: Record<string, string> = {}): string | undefined {
  const match = USER_POOL_ARN.exec(arn.replace(STAGE_VARIABLE, (_, name: string) => stageVariables[name] ?? ''));
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

function compileAudience(expression: string | null | undefined): RegExp | null | undefined {
  if (!expression) return undefined;
  try {
    return new RegExp(`^(?:${expression})$`);
  } catch {
    return null;
  }
}

function compileAuthorizer(authorizer: SnapshotAuthorizer): CompiledAuthorizer {
  if (authorizer.type !== 'COGNITO_USER_POOLS') {
    return { type: authorizer.type === 'REQUEST' ? 'REQUEST' : 'TOKEN', id: authorizer.id };
  }
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
