// The contract every token bucket store keeps (in memory, shared through Redis): one suite, run against each
// (token-buckets.test.ts, redis-token-buckets.integration.test.ts).
import { describe, expect, it } from 'vitest';
import type { Buckets, ThrottleLimit } from './token-buckets';

export interface BucketSubject {
  buckets: Buckets;
  /** moves the store's clock forward */
  advance(ms: number): void;
  close?(): Promise<void>;
}

async function takeN(buckets: Buckets, key: string, n: number, limit: ThrottleLimit): Promise<boolean[]> {
  const taken: boolean[] = [];
  for (let i = 0; i < n; i += 1) taken.push(await buckets.take(key, limit));
  return taken;
}

export function bucketContract(name: string, make: () => BucketSubject | Promise<BucketSubject>): void {
  describe(`${name}: the token bucket contract`, () => {
    const withSubject = (test: (subject: BucketSubject) => Promise<void>) => async () => {
      const subject = await make();
      try {
        await test(subject);
      } finally {
        await subject.close?.();
      }
    };

    it(
      'lets a burst through at once, then refills at the rate',
      withSubject(async ({ buckets, advance }) => {
        const limit = { rateLimit: 2, burstLimit: 3 };
        expect(await takeN(buckets, 'k', 4, limit)).toEqual([true, true, true, false]);
        advance(499);
        expect(await buckets.take('k', limit)).toBe(false);
        advance(1);
        expect(await buckets.take('k', limit)).toBe(true); // 2 per second: one token every 500 ms
        advance(10_000);
        expect(await takeN(buckets, 'k', 4, limit)).toEqual([true, true, true, false]); // never more than the burst
      }),
    );

    it(
      'keeps one bucket per key',
      withSubject(async ({ buckets }) => {
        const limit = { rateLimit: 1, burstLimit: 1 };
        expect(await buckets.take('a', limit)).toBe(true);
        expect(await buckets.take('a', limit)).toBe(false);
        expect(await buckets.take('b', limit)).toBe(true);
      }),
    );

    it(
      'throttles everything at a burst of 0, and lets only the burst through at a rate of 0',
      withSubject(async ({ buckets, advance }) => {
        expect(await buckets.take('none', { rateLimit: 100, burstLimit: 0 })).toBe(false);
        expect(await takeN(buckets, 'once', 3, { rateLimit: 0, burstLimit: 2 })).toEqual([true, true, false]);
        advance(60_000);
        expect(await buckets.take('once', { rateLimit: 0, burstLimit: 2 })).toBe(false);
      }),
    );

    it(
      'applies changed limits at once, keeping the tokens left up to the new size',
      withSubject(async ({ buckets }) => {
        expect(await takeN(buckets, 'k', 2, { rateLimit: 1, burstLimit: 10 })).toEqual([true, true]); // 8 left
        expect(await takeN(buckets, 'k', 3, { rateLimit: 1, burstLimit: 2 })).toEqual([true, true, false]);
      }),
    );

    it(
      'admits exactly the burst when many requests arrive at once',
      withSubject(async ({ buckets }) => {
        const limit = { rateLimit: 0, burstLimit: 25 };
        const taken = await Promise.all(Array.from({ length: 60 }, () => buckets.take('crowd', limit)));
        expect(taken.filter(Boolean)).toHaveLength(25);
      }),
    );
  });
}
