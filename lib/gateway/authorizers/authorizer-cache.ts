// Lambda authorizer results kept for the authorizer's TTL (authorizerResultTtlInSeconds, default 300, 0: none), per
// stage, authorizer and identity (the token, or the REQUEST authorizer's identity sources). Bounded: past the limit
// the oldest entries go first. FlushStageAuthorizersCache empties a stage's entries.
import type { AuthorizerOutput } from './authorizer-policy';

const MAX_ENTRIES = 10_000;

/** How every key of a stage's entries begins (stage names hold no `/`). */
export const authorizerCacheStage = (restApiId: string, stageName: string) => `${restApiId}/${stageName}/`;

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

  /** Drops a stage's results (FlushStageAuthorizersCache). */
  flushStage(restApiId: string, stageName: string): void {
    const prefix = authorizerCacheStage(restApiId, stageName);
    for (const key of this.#entries.keys()) if (key.startsWith(prefix)) this.#entries.delete(key);
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
