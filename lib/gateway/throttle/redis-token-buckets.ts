// Token buckets shared by every gateway node through Redis (REDIS_URL), by leases: the bucket itself lives in Redis
// (refilled and taken from by one Lua script, atomically), and each process takes a few tokens at a time — about
// 20 ms of the bucket's rate, at least what its waiting requests need — and hands them out in memory. A request
// that finds a leased token costs no round trip; one that finds none waits for the next lease, and is throttled
// only when Redis says the bucket is empty. Leased tokens unused after a second are dropped (at most a lease per
// bucket and process is ever held back). While Redis cannot be reached, each process falls back to its own share
// of every limit (the in-memory buckets), and says so once.
import { Redis } from 'ioredis';
import type { ThrottleLimit, TokenBuckets } from './token-buckets';

const LEASE_SCRIPT = `
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local want = tonumber(ARGV[3])
local now = tonumber(ARGV[4])
local ttl = tonumber(ARGV[5])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1])
local at = tonumber(state[2])
if tokens == nil or at == nil then
  tokens = burst
  at = now
end
if now > at then
  tokens = tokens + (now - at) * rate
  at = now
end
if tokens > burst then tokens = burst end
local granted = math.floor(tokens)
if granted > want then granted = want end
if granted < 0 then granted = 0 end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens - granted), 'at', tostring(at))
redis.call('PEXPIRE', KEYS[1], ttl)
return granted
`;

/** a lease covers about this much of the bucket's rate */
const LEASE_MS = 20;
/** leased tokens not handed out within this long are dropped */
const LEASE_TTL_MS = 1_000;
/** after Redis failed, the in-memory fallback serves this long before Redis is tried again */
const RETRY_REDIS_MS = 5_000;

interface Lease {
  allowance: number;
  expiresAt: number;
  leasing: boolean;
  waiters: Array<(admitted: boolean) => void>;
}

type LeaseRedis = Redis & {
  lease(key: string, rate: number, burst: number, want: number, now: number, ttl: number): Promise<number>;
};

export interface RedisTokenBucketsOptions {
  url: string;
  /** the in-memory buckets used while Redis is unreachable (this process's share of each limit) */
  fallback: TokenBuckets;
  /** key prefix; every node of one deployment must use the same */
  prefix?: string;
  /** wall clock in ms (shared by all nodes: each lease carries it to Redis) */
  now?: () => number;
  log?: (message: string) => void;
}

export class RedisTokenBuckets {
  readonly #redis: LeaseRedis;
  readonly #fallback: TokenBuckets;
  readonly #prefix: string;
  readonly #now: () => number;
  readonly #log: (message: string) => void;
  readonly #leases = new Map<string, Lease>();
  #downUntil = 0;

  constructor(options: RedisTokenBucketsOptions) {
    this.#redis = new Redis(options.url, {
      lazyConnect: true, // connected by ready()
      enableOfflineQueue: false, // a request never waits for a reconnection: the fallback answers
      maxRetriesPerRequest: 1,
      connectTimeout: 2_000,
    }) as LeaseRedis;
    this.#redis.defineCommand('lease', { numberOfKeys: 1, lua: LEASE_SCRIPT });
    this.#redis.on('error', () => {}); // reported once by #fail, not per reconnection attempt
    this.#fallback = options.fallback;
    this.#prefix = options.prefix ?? 'portico:throttle:';
    this.#now = options.now ?? Date.now;
    this.#log = options.log ?? ((message) => console.warn(`gateway: ${message}`));
  }

  /** Connects to Redis (before the gateway takes traffic); if it cannot, the fallback serves until Redis answers. */
  async ready(): Promise<void> {
    try {
      await this.#redis.connect();
    } catch (error) {
      this.#fail(error as Error);
    }
  }

  /** Takes a token: at once from a lease held, else after a lease from Redis. */
  take(key: string, limit: ThrottleLimit): boolean | Promise<boolean> {
    if (limit.burstLimit <= 0) return false;
    const now = this.#now();
    if (now < this.#downUntil) return this.#fallback.take(key, limit);
    let lease = this.#leases.get(key);
    if (!lease) {
      lease = { allowance: 0, expiresAt: 0, leasing: false, waiters: [] };
      this.#leases.set(key, lease);
    }
    if (now >= lease.expiresAt) lease.allowance = 0;
    if (lease.allowance >= 1 && lease.waiters.length === 0) {
      lease.allowance -= 1;
      return true;
    }
    return new Promise<boolean>((resolve) => {
      lease.waiters.push(resolve);
      this.#renew(key, limit, lease);
    });
  }

  async close(): Promise<void> {
    for (const lease of this.#leases.values()) for (const waiter of lease.waiters.splice(0)) waiter(false);
    this.#redis.disconnect();
  }

  #renew(key: string, limit: ThrottleLimit, lease: Lease): void {
    if (lease.leasing) return;
    lease.leasing = true;
    const rate = limit.rateLimit / 1000; // tokens per ms
    const want = Math.max(Math.min(limit.burstLimit, Math.ceil(rate * LEASE_MS)), lease.waiters.length, 1);
    const ttl = rate > 0 ? Math.max(60_000, Math.ceil((2 * limit.burstLimit) / rate)) : 7 * 24 * 3_600_000;
    const now = this.#now();
    this.#redis.lease(this.#prefix + key, rate, limit.burstLimit, want, now, ttl).then(
      (granted) => {
        lease.leasing = false;
        if (this.#downUntil !== 0) {
          this.#downUntil = 0;
          this.#log('Redis reachable again: throttling limits are shared by every gateway node');
        }
        lease.allowance += granted;
        lease.expiresAt = this.#now() + LEASE_TTL_MS;
        while (lease.waiters.length > 0 && lease.allowance >= 1) {
          lease.allowance -= 1;
          lease.waiters.shift()?.(true);
        }
        if (lease.waiters.length === 0) return;
        if (granted < want) {
          for (const waiter of lease.waiters.splice(0)) waiter(false); // the bucket is empty
        } else {
          this.#renew(key, limit, lease); // more arrived while this lease was on its way
        }
      },
      (error: Error) => {
        lease.leasing = false;
        this.#fail(error);
        for (const waiter of lease.waiters.splice(0)) waiter(this.#fallback.take(key, limit));
      },
    );
  }

  #fail(error: Error): void {
    if (this.#downUntil === 0) {
      this.#log(
        `Redis unreachable (${error.message}): each gateway process applies its own share of the throttling limits until it is back`,
      );
    }
    this.#downUntil = this.#now() + RETRY_REDIS_MS;
  }
}
