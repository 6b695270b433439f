import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptSecret, encryptSecret, lookupHash } from './secrets';

describe('secrets at rest', () => {
  it('encrypts so that only decryption gives the secret back', () => {
    const stored = encryptSecret('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
    expect(stored).not.toContain('wJalrXUtnFEMI');
    expect(decryptSecret(stored)).toBe('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
  });

  it('uses a fresh IV each time', () => {
    expect(encryptSecret('same')).not.toBe(encryptSecret('same'));
  });

  it('refuses a tampered ciphertext', () => {
    const [v, iv, tag, body] = encryptSecret('secret value').split(':');
    const flipped = Buffer.from(body as string, 'base64url');
    flipped[0] = (flipped[0] as number) ^ 1;
    expect(() => decryptSecret([v, iv, tag, flipped.toString('base64url')].join(':'))).toThrow();
    expect(() => decryptSecret('garbage')).toThrow('Unrecognised encrypted secret');
  });

  it('hashes for lookup deterministically, keyed (not a plain SHA-256)', () => {
    expect(lookupHash('key-value')).toBe(lookupHash('key-value'));
    expect(lookupHash('key-value')).not.toBe(lookupHash('key-valuf'));
    const plain = createHash('sha256').update('key-value').digest('base64url');
    expect(lookupHash('key-value')).not.toBe(plain);
  });
});
