// Token buckets (AWS §6.5): a bucket holds up to `burstLimit` tokens and refills continuously at `rateLimit` per
// second; a request takes a token or is throttled. Kept in memory by each gateway process: a node running several
// worker processes gives each its `share` of every limit, so that the node as a whole keeps to it (a client whose
// requests all reach one worker, over one keep-alive connection say, gets that worker's share). AWS applies its
// limits on a best-effort basis too. Several nodes share their buckets through Redis (redis-token-buckets.ts).
export interface ThrottleLimit {
  /** steady requests per second */
  rateLimit: number;
  /** the bucket's size: requests that may arrive at once */
  burstLimit: number;
}

/** Where requests take their tokens: in memory (TokenBuckets) or shared through Redis (RedisTokenBuckets). A take
 * answers at once when it can, and with a promise only when it must wait (for a lease from Redis). */
export interface Buckets {
  take(key: string, limit: ThrottleLimit): boolean | Promise<boolean>;
}

interface Bucket {
  tokens: number;
  /** when `tokens` was last brought up to date, in ms */
  at: number;
  /** tokens per ms */
  rate: number;
  size: number;
}

export class TokenBuckets implements Buckets {
  readonly #buckets = new Map<string, Bucket>();

  /**
   * @param share this process's part of every limit (1 / its node's worker processes)
   * @param now a clock in ms (monotonic)
   */
  constructor(
    readonly share = 1,
    private readonly now: () => number = () => performance.now(),
  ) {
    if (!(share > 0 && share <= 1)) throw new Error(`throttle share must be in (0, 1], got ${share}`);
  }

  /** Takes a token from `key`'s bucket; false when it is empty (the request is throttled). */
  take(key: string, limit: ThrottleLimit): boolean {
    const now = this.now();
    const rate = (limit.rateLimit * this.share) / 1000;
    const size = limit.burstLimit === 0 ? 0 : Math.max(1, Math.ceil(limit.burstLimit * this.share));
    let bucket = this.#buckets.get(key);
    if (bucket === undefined) {
      // A new bucket starts full (the number of keys is bounded by the methods served).
      bucket = { tokens: size, at: now, rate, size };
      this.#buckets.set(key, bucket);
    } else {
      // Limits changed by a stage update take effect at once; tokens already there stay, up to the new size.
      bucket.tokens = Math.min(size, bucket.tokens + (now - bucket.at) * bucket.rate);
      bucket.at = now;
      bucket.rate = rate;
      bucket.size = size;
    }
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}
