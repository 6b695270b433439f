// Who is calling the management API: a SigV4-signed request (access keys, or temporary credentials with their
// session token; service `apigateway`, `lambda` on Lambda's paths, `sts` on STS's, `wafv2` on WAF's) or a signed-in
// console session.
import { db } from '../db/client';
import { findAccessKeySecret } from '../services/access-keys/find-access-key-secret';
import type { Actor } from '../services/actor';
import { ServiceError } from '../services/errors';
import { findSessionSecret } from '../services/sts/find-session-secret';
import { isLambdaPath } from './lambda-protocol';
import { SIGNING_SERVICE, type SignedRequest, verifySignature } from './sigv4';
import { isStsPath } from './sts-protocol';
import { isWafPath, WAF_SIGNING_SERVICE } from './waf-path';

const LAST_USED_RESOLUTION_MS = 60_000;
const lastUsedWritten = new Map<string, number>();

/** Records when a key was used, at most once a minute per key, without holding up the request. */
function touchAccessKey(accessKeyId: string): void {
  const now = Date.now();
  if (now - (lastUsedWritten.get(accessKeyId) ?? 0) < LAST_USED_RESOLUTION_MS) return;
  lastUsedWritten.set(accessKeyId, now);
  db()
    .accessKey.update({ where: { accessKeyId }, data: { lastUsedAt: new Date(now) } })
    .catch(() => lastUsedWritten.delete(accessKeyId));
}

/** Lambda's paths are signed for `lambda`, STS's for `sts`, WAF's for `wafv2`, the rest for `apigateway`. */
function signingService(path: string): string {
  if (isLambdaPath(path)) return 'lambda';
  if (isStsPath(path)) return 'sts';
  if (isWafPath(path)) return WAF_SIGNING_SERVICE;
  return SIGNING_SERVICE;
}

export async function authenticate(
  request: SignedRequest,
  sessionActor: () => Promise<Actor | null>,
): Promise<{ actor: Actor; via: 'signature' | 'session' }> {
  const authorization = request.headers.get('authorization');
  if (authorization) {
    const actor = await verifySignature(
      request,
      async (accessKeyId, sessionToken) => {
        if (sessionToken !== undefined) return findSessionSecret(accessKeyId, sessionToken);
        const found = await findAccessKeySecret(accessKeyId);
        if (found) touchAccessKey(accessKeyId);
        return found;
      },
      new Date(),
      signingService(request.rawPath),
    );
    return { actor, via: 'signature' };
  }
  const actor = await sessionActor();
  if (actor) return { actor, via: 'session' };
  throw new ServiceError('MissingAuthenticationTokenException', 'Missing Authentication Token');
}
