import type { Tx } from '../../db/client';
import { notFound } from '../errors';

export const apiKeyNotFound = () => notFound('Invalid API Key identifier specified');

export async function findApiKey(tx: Tx, apiKeyId: string) {
  const key = await tx.apiKey.findUnique({ where: { id: apiKeyId } });
  if (!key) throw apiKeyNotFound();
  return key;
}
