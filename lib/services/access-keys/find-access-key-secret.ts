// For SigV4 verification of management API calls: the secret of an active key and the actor it signs as.
import { decryptSecret } from '../../crypto/secrets';
import { db } from '../../db/client';
import type { Actor } from '../actor';

export async function findAccessKeySecret(
  accessKeyId: string,
): Promise<{ secretAccessKey: string; actor: Actor } | null> {
  const key = await db().accessKey.findUnique({ where: { accessKeyId }, include: { user: true } });
  if (key?.status !== 'Active' || key.user.disabled) return null;
  return {
    secretAccessKey: decryptSecret(key.secretEncrypted),
    actor: { userId: key.user.id, email: key.user.email, role: key.user.role },
  };
}
