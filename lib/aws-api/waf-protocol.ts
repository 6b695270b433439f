// AWS WAFv2's awsJson1_1 protocol at `/wafv2` of the management API (the AWS SDK's WAFV2Client with `endpoint:
// 'http://localhost:3000/wafv2'`): a POST signed for service `wafv2` (or from a signed-in console session, on the
// console's own origin), `X-Amz-Target: AWSWAF_20190729.<Operation>`, a JSON body; answered with the operation's JSON,
// or an error as `{"__type": "WAFNonexistentItemException", "Message": "…"}` — the member holding the message named
// as WAF's model names it (`message` for WAFInvalidParameterException, which also carries Field, Parameter and
// Reason, and for errors that are not WAF's own), which is how the SDKs pick the exception class and its message.
import { randomUUID } from 'node:crypto';
import type { Actor } from '../services/actor';
import { ServiceError } from '../services/errors';
import { WafInvalidParameterError } from '../services/waf/waf-errors';
import { authenticate } from './authenticate';
import { assertSameOriginForSession } from './session-origin';
import { WAF_OPERATIONS } from './waf-operations';

export const WAF_TARGET_PREFIX = 'AWSWAF_20190729.';
const CONTENT_TYPE = 'application/x-amz-json-1.1';
/** (?) WAF does not document its request size limit; a web ACL's definition fits well within this */
const MAX_BODY_BYTES = 6 * 1024 * 1024;

export interface WafHandleOptions {
  /** the signed-in console user, when the caller has a session */
  sessionActor: () => Promise<Actor | null>;
}

function json(status: number, body: unknown, requestId: string): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': CONTENT_TYPE, 'x-amzn-RequestId': requestId },
  });
}

function errorBody(error: ServiceError): Record<string, unknown> {
  if (error instanceof WafInvalidParameterError) {
    return {
      __type: error.type,
      message: error.message,
      Field: error.field,
      Parameter: error.parameter,
      Reason: error.reason,
    };
  }
  return error.type.startsWith('WAF')
    ? { __type: error.type, Message: error.message }
    : { __type: error.type, message: error.message };
}

export function wafErrorResponse(error: unknown, requestId: string): Response {
  if (error instanceof ServiceError) {
    // JSON protocols answer an unknown operation with 400, not the REST APIs' 404
    return json(error.type === 'UnknownOperationException' ? 400 : error.status, errorBody(error), requestId);
  }
  console.error('Unhandled error in a WAF operation', error);
  return json(
    500,
    {
      __type: 'WAFInternalErrorException',
      Message:
        'Your request is valid, but AWS WAF couldn’t perform the operation because of a system problem. Retry your request.',
    },
    requestId,
  );
}

async function readBody(request: Request): Promise<Uint8Array> {
  const tooLarge = () => new ServiceError('RequestEntityTooLargeException', 'Request body is too large');
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) throw tooLarge();
  const body = new Uint8Array(await request.arrayBuffer());
  if (body.byteLength > MAX_BODY_BYTES) throw tooLarge();
  return body;
}

function parseBody(body: Uint8Array): unknown {
  const text = new TextDecoder().decode(body);
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ServiceError(
      'SerializationException',
      `Could not parse request body into json: ${(error as Error).message}`,
    );
  }
}

export async function handleWafRequest(request: Request, options: WafHandleOptions): Promise<Response> {
  const requestId = randomUUID();
  try {
    if (request.method !== 'POST') {
      throw new ServiceError('UnknownOperationException', `WAF takes POST requests, not ${request.method}`);
    }
    const url = new URL(request.url);
    const body = await readBody(request);
    const { actor, via } = await authenticate(
      { method: request.method, rawPath: url.pathname, rawQuery: url.search.slice(1), headers: request.headers, body },
      options.sessionActor,
    );
    if (via === 'session') assertSameOriginForSession(request);
    const target = request.headers.get('x-amz-target') ?? '';
    const operation = target.startsWith(WAF_TARGET_PREFIX)
      ? WAF_OPERATIONS.get(target.slice(WAF_TARGET_PREFIX.length))
      : undefined;
    if (!operation) {
      throw new ServiceError(
        'UnknownOperationException',
        target ? `Portico's WAF does not serve the operation ${target}` : 'The X-Amz-Target header is missing',
      );
    }
    return json(200, await operation(actor, parseBody(body)), requestId);
  } catch (error) {
    return wafErrorResponse(error, requestId);
  }
}
