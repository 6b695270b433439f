import { describe, expect, it } from 'vitest';
import { bucketContract } from './bucket-contract';
import { TokenBuckets } from './token-buckets';

function clock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

const takeN = (buckets: TokenBuckets, key: string, n: number, limit: { rateLimit: number; burstLimit: number }) =>
  Array.from({ length: n }, () => buckets.take(key, limit));

bucketContract('TokenBuckets (in memory)', () => {
  const c = clock();
  return { buckets: new TokenBuckets(1, c.now), advance: c.advance };
});

describe('TokenBuckets', () => {
  it('answers at once, never with a promise', () => {
    expect(new TokenBuckets(1, clock().now).take('k', { rateLimit: 1, burstLimit: 1 })).toBe(true);
  });

  it('gives a worker process its share of each limit (rounded up, so a burst of 1 still passes)', () => {
    const c = clock();
    const half = new TokenBuckets(0.5, c.now);
    expect(takeN(half, 'k', 6, { rateLimit: 10, burstLimit: 10 })).toEqual([true, true, true, true, true, false]);
    c.advance(200); // 5 per second here: one token
    expect(takeN(half, 'k', 2, { rateLimit: 10, burstLimit: 10 })).toEqual([true, false]);
    expect(half.take('one', { rateLimit: 1, burstLimit: 1 })).toBe(true);
    expect(() => new TokenBuckets(0)).toThrow(/share/);
  });
});
