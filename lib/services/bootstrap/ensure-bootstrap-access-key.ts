// PORTICO_ACCESS_KEY_ID / PORTICO_SECRET_ACCESS_KEY at start: that key pair is created, or updated, for the bootstrap
// admin, so scripts and CI can call the management API without clicking.
import { decryptSecret, encryptSecret } from '../../crypto/secrets';
import { db } from '../../db/client';
import { SYSTEM_ACTOR } from '../actor';
import { audit } from '../audit';
import { badRequest } from '../errors';

export async function ensureBootstrapAccessKey(adminEmail: string, accessKeyId: string, secret: string): Promise<void> {
  if (!/^[A-Za-z0-9]{16,128}$/.test(accessKeyId)) {
    throw badRequest('PORTICO_ACCESS_KEY_ID must be 16 to 128 letters and digits');
  }
  if (secret.length < 16) throw badRequest('PORTICO_SECRET_ACCESS_KEY must be at least 16 characters');
  const admin = await db().user.findUniqueOrThrow({ where: { email: adminEmail } });
  const existing = await db().accessKey.findUnique({ where: { accessKeyId } });
  if (existing && existing.userId === admin.id && existing.status === 'Active') {
    if (decryptSecret(existing.secretEncrypted) === secret) return;
  }
  await db().$transaction(async (tx) => {
    await tx.accessKey.upsert({
      where: { accessKeyId },
      create: {
        accessKeyId,
        userId: admin.id,
        secretEncrypted: encryptSecret(secret),
        description: 'bootstrap (environment)',
      },
      update: { userId: admin.id, secretEncrypted: encryptSecret(secret), status: 'Active' },
    });
    await audit(tx, SYSTEM_ACTOR, {
      action: existing ? 'update-access-key' : 'create-access-key',
      targetType: 'AccessKey',
      targetId: accessKeyId,
      after: { accessKeyId, userId: admin.id, source: 'environment' },
    });
  });
}
