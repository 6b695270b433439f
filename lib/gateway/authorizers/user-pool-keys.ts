// The signing keys of the user pools that COGNITO_USER_POOLS authorizers trust: each pool's JSON Web Key Set
// (`{issuer}/.well-known/jwks.json`), fetched when a stage that needs it is loaded and kept in memory, so verifying a
// token costs no network call. The set is fetched again in the background once it is 10 minutes old, and at once
// (at most every 30 seconds) when a token names a key the set does not hold — a pool's keys rotate. When the pool
// cannot be reached, the last keys fetched go on serving; only a pool never reached fails its requests.
import { createLocalJWKSet, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';

const FETCH_TIMEOUT_MS = 5_000;
const MAX_KEY_SET_BYTES = 256 * 1024;
const REFRESH_AFTER_MS = 10 * 60_000;
const UNKNOWN_KEY_COOLDOWN_MS = 30_000;
/** a pool that could not be reached is tried again by the next request after this long */
const RETRY_AFTER_FAILURE_MS = 1_000;

/** The pool could not be reached (AWS: AUTHORIZER_CONFIGURATION_ERROR, failing to connect to the authorizer). */
export class UserPoolUnreachable extends Error {}
/** The pool answered with something that is not a key set (AUTHORIZER_FAILURE). */
export class UserPoolKeysInvalid extends Error {}

interface PoolKeys {
  keys?: JWTVerifyGetKey;
  fetchedAt: number;
  /** how many key sets were fetched (tells a caller waiting on a fetch whether it brought a new set) */
  generation: number;
  attemptedAt: number;
  /** when a token naming an unknown key last made the set be fetched again */
  unknownKeyRefreshAt: number;
  loading?: Promise<void>;
  failure?: Error;
}

export type FetchKeySet = (url: string) => Promise<unknown>;

async function fetchKeySet(url: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'error' });
  } catch (error) {
    throw new UserPoolUnreachable(`${url}: ${(error as Error).message}`);
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new UserPoolUnreachable(`${url}: HTTP ${response.status}`);
  }
  const text = await response.text();
  if (text.length > MAX_KEY_SET_BYTES) throw new UserPoolKeysInvalid(`${url}: the key set is over 256 KB`);
  try {
    return JSON.parse(text);
  } catch {
    throw new UserPoolKeysInvalid(`${url}: the answer is not JSON`);
  }
}

function toKeySet(url: string, document: unknown): JWTVerifyGetKey {
  try {
    return createLocalJWKSet(document as JSONWebKeySet);
  } catch (error) {
    throw new UserPoolKeysInvalid(`${url}: not a JSON Web Key Set (${(error as Error).message})`);
  }
}

export class UserPoolKeys {
  readonly #pools = new Map<string, PoolKeys>();
  readonly #fetch: FetchKeySet;
  readonly #now: () => number;

  constructor(options: { fetch?: FetchKeySet; now?: () => number } = {}) {
    this.#fetch = options.fetch ?? fetchKeySet;
    this.#now = options.now ?? Date.now;
  }

  /** Starts fetching a pool's keys if they are not held yet (a stage that uses the pool was loaded). */
  prepare(issuer: string): void {
    const pool = this.#pool(issuer);
    if (!pool.keys && !pool.loading) this.#load(issuer, pool);
  }

  /**
   * The pool's keys for verifying a token. Waits only when none were ever fetched; throws UserPoolUnreachable or
   * UserPoolKeysInvalid when there are none to give.
   */
  async keysFor(issuer: string): Promise<JWTVerifyGetKey> {
    const pool = this.#pool(issuer);
    const now = this.#now();
    if (pool.keys) {
      if (now - pool.fetchedAt > REFRESH_AFTER_MS && !pool.loading) this.#load(issuer, pool);
      return pool.keys;
    }
    if (!pool.loading) {
      if (pool.failure && now - pool.attemptedAt < RETRY_AFTER_FAILURE_MS) throw pool.failure;
      this.#load(issuer, pool);
    }
    await pool.loading;
    if (pool.keys) return pool.keys;
    throw pool.failure ?? new UserPoolUnreachable(issuer);
  }

  /**
   * A token named a key the set does not hold: fetches the set again, unless an unknown key already did so in the
   * last 30 seconds (tokens naming made-up keys cannot make the gateway hammer the pool). Returns the new keys, or
   * undefined when there is nothing newer to try.
   */
  async refreshForUnknownKey(issuer: string): Promise<JWTVerifyGetKey | undefined> {
    const pool = this.#pool(issuer);
    if (!pool.loading) {
      const now = this.#now();
      if (now - pool.unknownKeyRefreshAt < UNKNOWN_KEY_COOLDOWN_MS) return undefined;
      pool.unknownKeyRefreshAt = now;
      this.#load(issuer, pool);
    }
    const before = pool.generation;
    await pool.loading;
    return pool.generation !== before ? pool.keys : undefined;
  }

  #pool(issuer: string): PoolKeys {
    let pool = this.#pools.get(issuer);
    if (!pool) {
      pool = { fetchedAt: 0, generation: 0, attemptedAt: 0, unknownKeyRefreshAt: 0 };
      this.#pools.set(issuer, pool);
    }
    return pool;
  }

  /** Fetches the pool's key set; never rejects (a failure is kept on the pool). */
  #load(issuer: string, pool: PoolKeys): Promise<void> {
    const url = `${issuer}/.well-known/jwks.json`;
    pool.attemptedAt = this.#now();
    pool.loading = (async () => {
      try {
        pool.keys = toKeySet(url, await this.#fetch(url));
        pool.fetchedAt = this.#now();
        pool.generation += 1;
        if (pool.failure) console.warn(`gateway: the keys of user pool ${issuer} were fetched again`);
        pool.failure = undefined;
      } catch (error) {
        const failure = error instanceof Error ? error : new UserPoolUnreachable(String(error));
        // said once while the pool keeps failing the same way, not at every attempt
        if (failure.message !== pool.failure?.message) {
          console.warn(`gateway: the keys of user pool ${issuer} could not be fetched: ${failure.message}`);
        }
        pool.failure = failure;
      } finally {
        pool.loading = undefined;
      }
    })();
    return pool.loading;
  }
}

/** The gateway's one holder of user-pool keys: stages prepare the pools they use when loaded, requests read them. */
export const userPoolKeys = new UserPoolKeys();
