// API key values: generated like AWS's (40 alphanumerics) or supplied (20..128 characters), stored only as a lookup
// hash (unique) and an encrypted copy. Never log a value.
import { randomInt } from 'node:crypto';
import { encryptSecret, lookupHash } from '../../crypto/secrets';
import type { Tx } from '../../db/client';
import { badRequest, conflict } from '../errors';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const GENERATED_LENGTH = 40;
const PRINTABLE = /^[\x21-\x7e]+$/;

export function generateApiKeyValue(): string {
  let out = '';
  for (let i = 0; i < GENERATED_LENGTH; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

export function checkApiKeyValue(value: string): void {
  if (value.length < 20) throw badRequest('API Key value should be at least 20 characters');
  if (value.length > 128) throw badRequest('API Key value should be at most 128 characters');
  if (!PRINTABLE.test(value)) throw badRequest('API Key value must contain only printable ASCII characters');
}

/** The stored columns of a value, after checking no other key already has it. */
export async function storedValue(tx: Tx, value: string): Promise<{ valueHash: string; valueEncrypted: string }> {
  const valueHash = lookupHash(value);
  if (await tx.apiKey.findUnique({ where: { valueHash }, select: { id: true } })) {
    throw conflict('API Key already exists');
  }
  return { valueHash, valueEncrypted: encryptSecret(value) };
}
