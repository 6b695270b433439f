import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { UserPoolKeys, UserPoolKeysInvalid, UserPoolUnreachable } from './user-pool-keys';

const ISSUER = 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Pool';
let jwk: JWK;

beforeAll(async () => {
  const { publicKey } = await generateKeyPair('RS256');
  jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' };
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

/** A pool whose answers the test scripts, and a clock the test moves. */
function pool(answers: Array<unknown | Error>) {
  const clock = { now: 1_000_000 };
  const fetched: string[] = [];
  const keys = new UserPoolKeys({
    now: () => clock.now,
    fetch: async (url) => {
      fetched.push(url);
      const answer = answers.length > 1 ? answers.shift() : answers[0];
      if (answer instanceof Error) throw answer;
      return answer;
    },
  });
  return { keys, clock, fetched };
}

describe('user pool keys', () => {
  it('fetches a pool’s key set once when prepared and serves it from memory', async () => {
    const { keys, fetched } = pool([{ keys: [jwk] }]);
    keys.prepare(ISSUER);
    keys.prepare(ISSUER);
    await keys.keysFor(ISSUER);
    await keys.keysFor(ISSUER);
    expect(fetched).toEqual([`${ISSUER}/.well-known/jwks.json`]);
  });

  it('fetches again in the background after 10 minutes, keeping the old keys if that fails', async () => {
    const { keys, clock, fetched } = pool([{ keys: [jwk] }, new UserPoolUnreachable('down')]);
    const first = await keys.keysFor(ISSUER);
    clock.now += 10 * 60_000 + 1;
    expect(await keys.keysFor(ISSUER)).toBe(first);
    await new Promise((r) => setTimeout(r, 0));
    expect(fetched).toHaveLength(2);
    expect(await keys.keysFor(ISSUER)).toBe(first);
  });

  it('fetches again for an unknown key at most once in 30 seconds', async () => {
    const { keys, clock, fetched } = pool([{ keys: [jwk] }]);
    await keys.keysFor(ISSUER);
    expect(await keys.refreshForUnknownKey(ISSUER)).toBeDefined();
    expect(await keys.refreshForUnknownKey(ISSUER)).toBeUndefined();
    clock.now += 30_001;
    expect(await keys.refreshForUnknownKey(ISSUER)).toBeDefined();
    expect(fetched).toHaveLength(3);
  });

  it('fails the requests of a pool never reached, and tries again a second later', async () => {
    const { keys, clock, fetched } = pool([new UserPoolUnreachable('down'), { keys: [jwk] }]);
    await expect(keys.keysFor(ISSUER)).rejects.toBeInstanceOf(UserPoolUnreachable);
    await expect(keys.keysFor(ISSUER)).rejects.toBeInstanceOf(UserPoolUnreachable);
    expect(fetched).toHaveLength(1);
    clock.now += 1_001;
    await expect(keys.keysFor(ISSUER)).resolves.toBeTypeOf('function');
  });

  it('tells a pool that answers with no key set from one that cannot be reached', async () => {
    const { keys } = pool([{ keys: 'none' }]);
    await expect(keys.keysFor(ISSUER)).rejects.toBeInstanceOf(UserPoolKeysInvalid);
  });
});
