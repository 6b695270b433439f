// CreateApiKey: the value (supplied or generated) is stored hashed and encrypted, and returned once, as AWS does.
import { z } from 'zod';
import { db } from '../../db/client';
import { newApiKeyId } from '../../ids';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { ServiceError } from '../errors';
import { parseInput } from '../validation';
import { type ApiKey, toApiKey } from './api-key-shape';
import { checkApiKeyValue, generateApiKeyValue, storedValue } from './api-key-value';
import { checkStageKeys } from './stage-keys';

export const MAX_API_KEYS = 10_000;

const createApiKeyInput = z.object({
  name: z.string().max(1024).optional(),
  description: z.string().max(4096).optional(),
  enabled: z.boolean().optional(),
  generateDistinctId: z.boolean().optional(),
  value: z.string().optional(),
  stageKeys: z.array(z.object({ restApiId: z.string().min(1), stageName: z.string().min(1) })).optional(),
  customerId: z.string().max(1024).optional(),
  tags: z.record(z.string(), z.string()).optional(),
});

export async function createApiKey(actor: Actor, input: unknown): Promise<ApiKey> {
  authorize(actor, 'edit');
  const data = parseInput(createApiKeyInput, input);
  const value = data.value ?? generateApiKeyValue();
  checkApiKeyValue(value);
  const stageKeys = [...new Set((data.stageKeys ?? []).map((s) => `${s.restApiId}/${s.stageName}`))];
  const row = await db().$transaction(async (tx) => {
    if ((await tx.apiKey.count()) >= MAX_API_KEYS) {
      throw new ServiceError('LimitExceededException', `An account can have at most ${MAX_API_KEYS} API keys`);
    }
    await checkStageKeys(tx, stageKeys);
    const key = await tx.apiKey.create({
      data: {
        id: newApiKeyId(),
        name: data.name,
        description: data.description,
        enabled: data.enabled ?? false,
        customerId: data.customerId,
        stageKeys,
        tags: data.tags ?? {},
        ...(await storedValue(tx, value)),
      },
    });
    await audit(tx, actor, { action: 'create-api-key', targetType: 'ApiKey', targetId: key.id, after: toApiKey(key) });
    return key;
  });
  return { ...toApiKey(row), value };
}
