// STS GetSessionToken: temporary credentials for the caller — an access key id, a secret and a session token that
// sign as the caller until they expire (DurationSeconds, 900 s to 36 h, 12 h by default, as AWS). Called with
// long-term access keys only. The secret is stored sealed and the token as a lookup hash; both are returned this once.
import { encryptSecret, lookupHash } from '../../crypto/secrets';
import { db } from '../../db/client';
import { newSecretAccessKey, newSessionAccessKeyId, newSessionToken } from '../../ids';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { notifyConfigChange } from '../config-changes';
import { ServiceError } from '../errors';

export interface SessionCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}

const MIN_SECONDS = 900;
const MAX_SECONDS = 129_600;
const DEFAULT_SECONDS = 43_200;
/** expired credentials are kept this long, so that they are refused as expired rather than unknown */
const KEEP_EXPIRED_MS = 24 * 3_600_000;

export async function getSessionToken(
  actor: Actor,
  input: { durationSeconds?: string | null; signedWithSessionToken: boolean },
): Promise<SessionCredentials> {
  authorize(actor, 'read');
  const userId = actor.userId;
  if (!userId) throw new ServiceError('AccessDeniedException', 'Temporary credentials belong to a Portico user');
  if (input.signedWithSessionToken) {
    throw new ServiceError('AccessDeniedException', 'Cannot call GetSessionToken with session credentials');
  }
  const raw = input.durationSeconds;
  const seconds = raw === undefined || raw === null || raw === '' ? DEFAULT_SECONDS : Number(raw);
  if (!Number.isInteger(seconds) || seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
    const bound =
      seconds < MIN_SECONDS ? `greater than or equal to ${MIN_SECONDS}` : `less than or equal to ${MAX_SECONDS}`;
    throw new ServiceError(
      'ValidationException',
      `1 validation error detected: Value '${raw}' at 'durationSeconds' failed to satisfy constraint: Member must have value ${Number.isInteger(seconds) ? bound : 'a whole number'}`,
    );
  }
  const credentials: SessionCredentials = {
    accessKeyId: newSessionAccessKeyId(),
    secretAccessKey: newSecretAccessKey(),
    sessionToken: newSessionToken(),
    expiration: new Date(Math.floor(Date.now() / 1000) * 1000 + seconds * 1000),
  };
  await db().$transaction(async (tx) => {
    await tx.sessionCredential.deleteMany({ where: { expiresAt: { lt: new Date(Date.now() - KEEP_EXPIRED_MS) } } });
    await tx.sessionCredential.create({
      data: {
        accessKeyId: credentials.accessKeyId,
        userId,
        secretEncrypted: encryptSecret(credentials.secretAccessKey),
        tokenHash: lookupHash(credentials.sessionToken),
        expiresAt: credentials.expiration,
      },
    });
    await audit(tx, actor, {
      action: 'get-session-token',
      targetType: 'SessionCredential',
      targetId: credentials.accessKeyId,
      after: { accessKeyId: credentials.accessKeyId, expiration: credentials.expiration.toISOString() },
    });
    await notifyConfigChange(tx, { kind: 'access-keys' });
  });
  return credentials;
}
