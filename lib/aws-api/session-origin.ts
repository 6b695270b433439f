// A caller signed in to the console (a session cookie, not a signature) may only write from the console's own
// origin: no other site can make a signed-in browser change anything.
import { ServiceError } from '../services/errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Refuses a session caller's unsafe request (every POST, so every JSON-protocol call) from another origin. */
export function assertSameOriginForSession(request: Request): void {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.get('origin');
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  if (!origin || !host || new URL(origin).host !== host) {
    throw new ServiceError('AccessDeniedException', 'Cross-site request refused');
  }
}
