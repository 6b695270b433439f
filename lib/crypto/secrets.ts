// Secrets at rest: AES-256-GCM for what must be read back (access-key secrets, API key values, function
// environments) and a keyed hash (HMAC-SHA256) for what must only be looked up (API key values on the hot path).
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { derivedKey } from './master-key';

const VERSION = 'v1';

export function encryptSecret(plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', derivedKey('encryption'), iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [
    VERSION,
    iv.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
    body.toString('base64url'),
  ].join(':');
}

export function decryptSecret(stored: string): string {
  const [version, iv, tag, body] = stored.split(':');
  if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('Unrecognised encrypted secret');
  const decipher = createDecipheriv('aes-256-gcm', derivedKey('encryption'), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

let lookupKey: Buffer | undefined;

/** The lookup hash of a secret (the gateway computes one per request that presents an API key: the key is derived once). */
export function lookupHash(value: string): string {
  lookupKey ??= derivedKey('lookup');
  return createHmac('sha256', lookupKey).update(value, 'utf8').digest('base64url');
}
