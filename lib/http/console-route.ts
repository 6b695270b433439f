// The wrapper every console route handler uses: authenticate the session, refuse cross-site writes, run the
// handler with the Actor, and map errors in one place. Permissions are checked by the services themselves.
import { currentActor } from '../auth/current-actor';
import type { Actor } from '../services/actor';
import { ServiceError } from '../services/errors';
import { errorResponse } from './json-errors';

type Handler<P> = (actor: Actor, request: Request, params: P) => Promise<Response>;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function assertSameOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.get('origin');
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  if (!origin || !host || new URL(origin).host !== host) {
    throw new ServiceError('AccessDeniedException', 'Cross-site request refused');
  }
}

export function consoleRoute<P = Record<string, never>>(handler: Handler<P>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const actor = await currentActor();
      if (!actor) throw new ServiceError('UnauthorizedException', 'Sign in first');
      assertSameOrigin(request);
      return await handler(actor, request, await context.params);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
