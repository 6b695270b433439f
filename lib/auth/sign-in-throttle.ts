// Throttles failed sign-ins: per email (5 failures in 15 minutes lock that email for 15 minutes) and per client
// address (30 failures in 15 minutes). The console is one process, so counters live in its memory.
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

const byEmail = new RateLimiterMemory({
  keyPrefix: 'signin-email',
  points: 5,
  duration: 15 * 60,
  blockDuration: 15 * 60,
});
const byAddress = new RateLimiterMemory({
  keyPrefix: 'signin-ip',
  points: 30,
  duration: 15 * 60,
  blockDuration: 15 * 60,
});

export class SignInThrottled extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many failed sign-in attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`);
  }
}

async function remaining(limiter: RateLimiterMemory, key: string): Promise<number> {
  const res = await limiter.get(key);
  if (res && res.consumedPoints >= limiter.points) return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  return 0;
}

export async function assertSignInAllowed(email: string, address: string): Promise<void> {
  const wait = Math.max(await remaining(byEmail, email), await remaining(byAddress, address));
  if (wait > 0) throw new SignInThrottled(wait);
}

export async function recordFailedSignIn(email: string, address: string): Promise<void> {
  await Promise.all(
    [byEmail.consume(email), byAddress.consume(address)].map((p) =>
      p.catch((e) => {
        if (!(e instanceof RateLimiterRes)) throw e;
      }),
    ),
  );
}

export async function recordSuccessfulSignIn(email: string): Promise<void> {
  await byEmail.delete(email);
}
