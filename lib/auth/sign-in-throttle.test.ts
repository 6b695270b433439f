import { describe, expect, it } from 'vitest';
import { assertSignInAllowed, recordFailedSignIn, recordSuccessfulSignIn, SignInThrottled } from './sign-in-throttle';

describe('sign-in throttling', () => {
  it('locks an email after five failures', async () => {
    const email = `victim-${Math.random()}@example.com`;
    for (let i = 0; i < 5; i++) {
      await assertSignInAllowed(email, '10.0.0.1');
      await recordFailedSignIn(email, '10.0.0.1');
    }
    await expect(assertSignInAllowed(email, '10.0.0.2')).rejects.toBeInstanceOf(SignInThrottled);
    await expect(assertSignInAllowed(email, '10.0.0.2')).rejects.toThrow(/Too many failed sign-in attempts/);
  });

  it('a success clears the count for that email', async () => {
    const email = `user-${Math.random()}@example.com`;
    for (let i = 0; i < 4; i++) await recordFailedSignIn(email, '10.0.1.1');
    await recordSuccessfulSignIn(email);
    await recordFailedSignIn(email, '10.0.1.1');
    await expect(assertSignInAllowed(email, '10.0.1.1')).resolves.toBeUndefined();
  });

  it('locks an address that tries many emails', async () => {
    const address = `10.9.${Math.floor(Math.random() * 250)}.1`;
    for (let i = 0; i < 30; i++) await recordFailedSignIn(`spray-${i}-${Math.random()}@example.com`, address);
    await expect(assertSignInAllowed('fresh@example.com', address)).rejects.toBeInstanceOf(SignInThrottled);
  });
});
