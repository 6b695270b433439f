// Who is calling the management API: a SigV4-signed request (access keys; service `apigateway`, or `lambda` on
// Lambda's paths) or a signed-in console session.
import { db } from '../db/client';
import { findAccessKeySecret } from '../services/access-keys/find-access-key-secret';
import type { Actor } from '../services/actor';
import { ServiceError } from '../services/errors';
import { isLambdaPath } from './lambda-protocol';
import { SIGNING_SERVICE, type SignedRequest, verifySignature } from './sigv4';

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

export async function authenticate(
  request: SignedRequest,
  sessionActor: () => Promise<Actor | null>,
): Promise<{ actor: Actor; via: 'signature' | 'session' }> {
  const authorization = request.headers.get('authorization');
  if (authorization) {
    const actor = await verifySignature(
      request,
      async (accessKeyId) => {
        const found = await findAccessKeySecret(accessKeyId);
        if (found) touchAccessKey(accessKeyId);
        return found;
      },
      new Date(),
      isLambdaPath(request.rawPath) ? 'lambda' : SIGNING_SERVICE, // Lambda's paths are signed for Lambda
    );
    return { actor, via: 'signature' };
  }
  const actor = await sessionActor();
  if (actor) return { actor, via: 'session' };
  throw new ServiceError('MissingAuthenticationTokenException', 'Missing Authentication Token');
}
