// Creates an access key pair for the caller. The secret is returned this once and stored only encrypted.

import { z } from 'zod';
import { encryptSecret } from '../../crypto/secrets';
import { db } from '../../db/client';
import { newAccessKeyId, newSecretAccessKey } from '../../ids';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { notifyConfigChange } from '../config-changes';
import { badRequest, ServiceError } from '../errors';
import { parseInput } from '../validation';
import { type AccessKey, toAccessKey } from './access-key-shape';

const MAX_KEYS_PER_USER = 5;

const createAccessKeyInput = z.object({ description: z.string().trim().max(256).optional() });

export async function createAccessKey(
  actor: Actor,
  input: z.input<typeof createAccessKeyInput> = {},
): Promise<AccessKey & { secretAccessKey: string }> {
  authorize(actor, 'read');
  if (!actor.userId) throw badRequest('Access keys belong to users');
  const userId = actor.userId;
  const data = parseInput(createAccessKeyInput, input);
  const secretAccessKey = newSecretAccessKey();
  const row = await db().$transaction(async (tx) => {
    const count = await tx.accessKey.count({ where: { userId } });
    if (count >= MAX_KEYS_PER_USER) {
      throw new ServiceError('LimitExceededException', `A user may have at most ${MAX_KEYS_PER_USER} access keys`);
    }
    const key = await tx.accessKey.create({
      data: {
        accessKeyId: newAccessKeyId(),
        userId,
        secretEncrypted: encryptSecret(secretAccessKey),
        description: data.description || null,
      },
    });
    await notifyConfigChange(tx, { kind: 'access-keys' }); // gateways keep the keys of AWS_IAM callers
    await audit(tx, actor, {
      action: 'create-access-key',
      targetType: 'AccessKey',
      targetId: key.accessKeyId,
      after: toAccessKey(key),
    });
    return key;
  });
  return { ...toAccessKey(row), secretAccessKey };
}
