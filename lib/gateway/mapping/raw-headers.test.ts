import { describe, expect, it } from 'vitest';
import { rawHeader } from './raw-headers';

describe('rawHeader', () => {
  const raw = ['Host', 'a', 'X-Api-Key', 'one', 'x-api-key', 'two'];
  it('finds a header whatever its case, its first or its last value', () => {
    expect(rawHeader(raw, 'x-api-key')).toBe('one');
    expect(rawHeader(raw, 'x-api-key', 'last')).toBe('two');
    expect(rawHeader(raw, 'host', 'last')).toBe('a');
    expect(rawHeader(raw, 'x-missing')).toBeUndefined();
  });
});
