// One management API request: read the body (6 MB at most; more for Lambda's deployment packages), authenticate,
// route, run the operation, and answer in AWS's rest-json shape. Every error, expected or not, becomes AWS's status +
// x-amzn-ErrorType + {"message"} (Lambda's error body on its paths, lambda-protocol.ts).
import { randomUUID } from 'node:crypto';
import { errorResponse } from '../http/json-errors';
import type { Actor } from '../services/actor';
import { badRequest, ServiceError } from '../services/errors';
import { authenticate } from './authenticate';
import { isLambdaPath, lambdaBodyLimit, lambdaErrorResponse } from './lambda-protocol';
import { managementRouter } from './routes';
import { assertSameOriginForSession } from './session-origin';
import { toWire } from './wire';

const MAX_BODY_BYTES = 6 * 1024 * 1024;

export interface HandleOptions {
  /** the signed-in console user, when the caller has a session */
  sessionActor: () => Promise<Actor | null>;
}

const apiGatewayLimit = {
  maxBytes: MAX_BODY_BYTES,
  tooLarge: () => new ServiceError('RequestEntityTooLargeException', 'Request body is too large'),
};

async function readBody(request: Request, limit: typeof apiGatewayLimit): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > limit.maxBytes) throw limit.tooLarge();
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > limit.maxBytes) throw limit.tooLarge();
  return bytes;
}

function parseJson(raw: string, contentType: string | null, lambda: boolean): unknown {
  if (raw.trim() === '') return {};
  if (contentType && !/json/i.test(contentType)) return {};
  try {
    return JSON.parse(raw);
  } catch (error) {
    const message = `Could not parse request body into json: ${(error as Error).message}`;
    throw lambda ? new ServiceError('InvalidRequestContentException', message) : badRequest(message);
  }
}

function decodeSegments(path: string): string[] {
  try {
    return path.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    throw badRequest('Invalid percent-encoding in the request path');
  }
}

export async function handleManagementRequest(request: Request, options: HandleOptions): Promise<Response> {
  const requestId = randomUUID();
  const url = new URL(request.url);
  const lambda = isLambdaPath(url.pathname);
  let response: Response;
  try {
    const body = await readBody(request, lambda ? lambdaBodyLimit(request.method, url.pathname) : apiGatewayLimit);
    const rawBody = new TextDecoder().decode(body);
    const { actor, via } = await authenticate(
      {
        method: request.method,
        rawPath: url.pathname,
        rawQuery: url.search.slice(1),
        headers: request.headers,
        body,
      },
      options.sessionActor,
    );
    if (via === 'session') assertSameOriginForSession(request);
    const match = managementRouter.match(request.method, decodeSegments(url.pathname));
    if (!match)
      throw new ServiceError('UnknownOperationException', `No operation matches ${request.method} ${url.pathname}`);
    if ('allowed' in match) {
      throw new ServiceError(
        'UnknownOperationException',
        `${request.method} is not supported on ${url.pathname}; supported: ${match.allowed.join(', ')}`,
      );
    }
    const result = await match.route.handler({
      actor,
      params: match.params,
      query: url.searchParams,
      body: match.route.rawPayload ? {} : parseJson(rawBody, request.headers.get('content-type'), lambda),
      rawBody,
      headers: request.headers,
      requestId,
    });
    if (result.raw) {
      response = new Response(result.raw.data as BodyInit, {
        status: result.status,
        headers: {
          'Content-Type': result.raw.contentType,
          ...(result.raw.disposition && { 'Content-Disposition': result.raw.disposition }),
        },
      });
    } else if (result.body === undefined) {
      response = new Response(null, { status: result.status });
    } else {
      response = Response.json(toWire(result.body), { status: result.status });
    }
    for (const [name, value] of Object.entries(result.headers ?? {})) response.headers.set(name, value);
  } catch (error) {
    response = lambda ? lambdaErrorResponse(error) : errorResponse(error);
  }
  response.headers.set('x-amzn-RequestId', requestId);
  return response;
}
