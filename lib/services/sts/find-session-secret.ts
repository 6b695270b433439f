// For SigV4 verification with temporary credentials: the secret of a session access key and the actor it signs as,
// when the session token is the key's own and its user is enabled; `expired` once it has expired.
import { decryptSecret, lookupHash } from '../../crypto/secrets';
import { db } from '../../db/client';
import type { Actor } from '../actor';

export async function findSessionSecret(
  accessKeyId: string,
  sessionToken: string,
  now = new Date(),
): Promise<{ secretAccessKey: string; actor: Actor } | 'expired' | null> {
  const credential = await db().sessionCredential.findUnique({ where: { accessKeyId }, include: { user: true } });
  if (!credential || credential.user.disabled || credential.tokenHash !== lookupHash(sessionToken)) return null;
  if (credential.expiresAt <= now) return 'expired';
  return {
    secretAccessKey: decryptSecret(credential.secretEncrypted),
    actor: { userId: credential.user.id, email: credential.user.email, role: credential.user.role },
  };
}
