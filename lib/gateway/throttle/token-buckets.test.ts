import { describe, expect, it } from 'vitest';
import { TokenBuckets } from './token-buckets';

function clock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

const takeN = (buckets: TokenBuckets, key: string, n: number, limit: { rateLimit: number; burstLimit: number }) =>
  Array.from({ length: n }, () => buckets.take(key, limit));

describe('TokenBuckets', () => {
  it('lets a burst through at once, then refills at the rate', () => {
    const c = clock();
    const buckets = new TokenBuckets(1, c.now);
    const limit = { rateLimit: 2, burstLimit: 3 };
    expect(takeN(buckets, 'k', 4, limit)).toEqual([true, true, true, false]);
    c.advance(499);
    expect(buckets.take('k', limit)).toBe(false);
    c.advance(1);
    expect(buckets.take('k', limit)).toBe(true); // 2 per second: one token every 500 ms
    c.advance(10_000);
    expect(takeN(buckets, 'k', 4, limit)).toEqual([true, true, true, false]); // never more than the burst
  });

  it('keeps one bucket per key', () => {
    const buckets = new TokenBuckets(1, clock().now);
    const limit = { rateLimit: 1, burstLimit: 1 };
    expect(buckets.take('a', limit)).toBe(true);
    expect(buckets.take('a', limit)).toBe(false);
    expect(buckets.take('b', limit)).toBe(true);
  });

  it('throttles everything at a burst of 0, and lets only the burst through at a rate of 0', () => {
    const c = clock();
    const buckets = new TokenBuckets(1, c.now);
    expect(buckets.take('none', { rateLimit: 100, burstLimit: 0 })).toBe(false);
    expect(takeN(buckets, 'once', 3, { rateLimit: 0, burstLimit: 2 })).toEqual([true, true, false]);
    c.advance(60_000);
    expect(buckets.take('once', { rateLimit: 0, burstLimit: 2 })).toBe(false);
  });

  it('applies changed limits at once, keeping the tokens left up to the new size', () => {
    const c = clock();
    const buckets = new TokenBuckets(1, c.now);
    expect(takeN(buckets, 'k', 2, { rateLimit: 1, burstLimit: 10 })).toEqual([true, true]); // 8 left
    expect(takeN(buckets, 'k', 3, { rateLimit: 1, burstLimit: 2 })).toEqual([true, true, false]);
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
