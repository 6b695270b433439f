import { describe, expect, it } from 'vitest';
import { newAccessKeyId, newApiKeyId, newResourceId, newRestApiId, newSecretAccessKey, newShortId } from './ids';

describe('ids in AWS shapes', () => {
  it('REST API and API key ids are 10 lowercase alphanumerics', () => {
    for (let i = 0; i < 200; i++) {
      expect(newRestApiId()).toMatch(/^[a-z0-9]{10}$/);
      expect(newApiKeyId()).toMatch(/^[a-z0-9]{10}$/);
    }
  });

  it('resource and short ids are 6 lowercase alphanumerics', () => {
    expect(newResourceId()).toMatch(/^[a-z0-9]{6}$/);
    expect(newShortId()).toMatch(/^[a-z0-9]{6}$/);
  });

  it('access keys look like AWS key pairs', () => {
    expect(newAccessKeyId()).toMatch(/^PKIA[A-Z0-9]{16}$/);
    expect(newSecretAccessKey()).toHaveLength(40);
  });

  it('does not repeat itself', () => {
    const ids = new Set(Array.from({ length: 1000 }, newRestApiId));
    expect(ids.size).toBe(1000);
  });
});
