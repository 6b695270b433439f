// Lambda authorizer results kept for the authorizer's TTL (authorizerResultTtlInSeconds, default 300, 0: none), per
// authorizer and identity (the token, or the REQUEST authorizer's identity sources). Bounded: past the limit the
// oldest entries go first.
import type { AuthorizerOutput } from './authorizer-policy';

const MAX_ENTRIES = 10_000;

export class AuthorizerCache {
  readonly #entries = new Map<string, { output: AuthorizerOutput; expiresAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  get(key: string): AuthorizerOutput | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt > this.now()) return entry.output;
    this.#entries.delete(key);
    return undefined;
  }

  set(key: string, output: AuthorizerOutput, ttlSeconds: number): void {
    if (ttlSeconds <= 0) return;
    this.#entries.delete(key);
    this.#entries.set(key, { output, expiresAt: this.now() + ttlSeconds * 1000 });
    if (this.#entries.size > MAX_ENTRIES) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
  }
}
