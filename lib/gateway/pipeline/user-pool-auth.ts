// COGNITO_USER_POOLS methods (§5.7): the token in the authorizer's header (`Authorization` by default; a `Bearer `
// prefix is accepted) must be a JWT issued by one of the authorizer's user pools, signed by one of the pool's keys,
// and not expired. A method with authorization scopes takes an access token whose `scope` holds one of them; a
// method without takes an ID token, whose `aud` must match the authorizer's identityValidationExpression when it has
// one. Every refusal is AWS's 401 `Unauthorized`, an expired token's `The incoming token has expired`; a pool whose
// keys cannot be fetched is AUTHORIZER_CONFIGURATION_ERROR (AWS: failing to connect to the authorizer), one that
// answers with something that is not a key set AUTHORIZER_FAILURE.
import { decodeJwt, errors, type JWTPayload, type JWTVerifyGetKey, jwtVerify } from 'jose';
import { type UserPoolAuthorizer, userPoolIssuers } from '../authorizers/compile-authorizers';
import { userPoolClaims } from '../authorizers/user-pool-claims';
import { type UserPoolKeys, UserPoolKeysInvalid } from '../authorizers/user-pool-keys';
import { GatewayError } from '../gateway-error';
import { soleRawHeader } from '../mapping/raw-headers';
import type { GatewayContext } from './gateway-context';

/** asymmetric algorithms only: a pool publishes public keys, and `none` or HMAC would let anyone sign */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512', 'PS256', 'PS384', 'PS512'];
const BEARER = /^bearer\s+/i;

const unauthorized = () => new GatewayError('UNAUTHORIZED');

function tokenFrom(ctx: GatewayContext, header: string): string {
  const raw = soleRawHeader(ctx.rawHeaders, header)?.trim(); // two tokens: neither is judged, 401
  if (!raw) throw unauthorized();
  return BEARER.test(raw) ? raw.replace(BEARER, '') : raw;
}

function issuerOf(token: string): unknown {
  try {
    return decodeJwt(token).iss;
  } catch {
    throw unauthorized();
  }
}

async function poolKeys(keys: UserPoolKeys, issuer: string): Promise<JWTVerifyGetKey> {
  try {
    return await keys.keysFor(issuer);
  } catch (error) {
    throw new GatewayError(
      error instanceof UserPoolKeysInvalid ? 'AUTHORIZER_FAILURE' : 'AUTHORIZER_CONFIGURATION_ERROR',
    );
  }
}

async function verified(token: string, issuer: string, keys: UserPoolKeys): Promise<JWTPayload> {
  const verify = async (keySet: JWTVerifyGetKey) =>
    (await jwtVerify(token, keySet, { issuer, algorithms: ALGORITHMS })).payload;
  try {
    try {
      return await verify(await poolKeys(keys, issuer));
    } catch (error) {
      if (!(error instanceof errors.JWKSNoMatchingKey)) throw error;
      const rotated = await keys.refreshForUnknownKey(issuer); // the pool may have rotated its keys
      if (!rotated) throw error;
      return await verify(rotated);
    }
  } catch (error) {
    if (error instanceof GatewayError) throw error;
    if (error instanceof errors.JWTExpired) throw new GatewayError('UNAUTHORIZED', 'The incoming token has expired');
    throw unauthorized();
  }
}

function checkTokenUse(payload: JWTPayload, authorizer: UserPoolAuthorizer, scopes: readonly string[]): void {
  if (scopes.length > 0) {
    const granted = typeof payload.scope === 'string' ? payload.scope.split(' ') : [];
    if (payload.token_use !== 'access' || !scopes.some((scope) => granted.includes(scope))) throw unauthorized();
    return;
  }
  if (payload.token_use !== 'id') throw unauthorized();
  const audience = authorizer.audience;
  if (audience === undefined) return;
  if (audience === null || typeof payload.aud !== 'string' || !audience.test(payload.aud)) throw unauthorized();
}

/** Verifies the caller's user-pool token and returns its claims as AWS hands them on. */
export async function verifyUserPoolCaller(
  ctx: GatewayContext,
  authorizer: UserPoolAuthorizer,
  keys: UserPoolKeys,
): Promise<Record<string, string>> {
  const token = tokenFrom(ctx, authorizer.header);
  const issuer = issuerOf(token);
  if (typeof issuer !== 'string' || !userPoolIssuers(authorizer, ctx.stageVariables).includes(issuer)) {
    throw unauthorized();
  }
  const payload = await verified(token, issuer, keys);
  checkTokenUse(payload, authorizer, ctx.methodDef?.authorizationScopes ?? []);
  return userPoolClaims(payload);
}
