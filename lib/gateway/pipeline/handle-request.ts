// One API request, end to end: read it (10 MB at most), find the stage, run the pipeline, and answer — a backend's
// response or one of AWS's gateway responses — always with x-amzn-RequestId and x-amz-apigw-id.
import type http from 'node:http';
import { pipeline } from 'node:stream/promises';
import { requestIds } from '../aws-headers';
import type { ConfigStore } from '../config/config-store';
import type { FunctionInvoker } from '../functions/function-invoker';
import { GatewayError } from '../gateway-error';
import { readWithin } from '../read-within';
import { renderGatewayResponse } from '../responses';
import { type BasePathMapping, parseTarget } from '../routing';
import { removeDotSegments } from '../routing/request-path';
import type { ServedStage } from '../served-stage';
import type { Authenticators } from './authorize';
import { createGatewayContext, type GatewayContext, type GatewayResult } from './gateway-context';
import {
  authorize,
  checkApiKey,
  integrate,
  meterUsage,
  routeRequest,
  selectDeployment,
  type Throttling,
  throttle,
  type UsageMeter,
  validateRequest,
} from './index';
import { inspectWithWaf } from './waf-inspect';

export const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

class PayloadTooLarge extends Error {}

const EMPTY = Buffer.alloc(0);

/** The few request headers the gateway itself needs, found in one pass over the raw list (no header object). */
interface EntryHeaders {
  host?: string;
  /** more than one Host header: a 400 (RFC 9112 §3.2), never a guess at which one routes */
  hostTwice?: boolean;
  contentLength?: string;
  transferEncoding?: string;
  requestId?: string;
}

function entryHeaders(raw: readonly string[]): EntryHeaders {
  const found: EntryHeaders = {};
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] as string;
    switch (name.length) {
      case 4:
        if (name.toLowerCase() === 'host') {
          if (found.host === undefined) found.host = raw[i + 1];
          else found.hostTwice = true;
        }
        break;
      case 14:
        if (name.toLowerCase() === 'content-length') found.contentLength = raw[i + 1];
        break;
      case 16:
        if (name.toLowerCase() === 'x-amzn-requestid') found.requestId = raw[i + 1];
        break;
      case 17:
        if (name.toLowerCase() === 'transfer-encoding') found.transferEncoding = raw[i + 1];
        break;
    }
  }
  return found;
}

async function readBody(req: http.IncomingMessage, headers: EntryHeaders): Promise<Buffer> {
  const length = headers.contentLength;
  if (Number(length ?? 0) > MAX_PAYLOAD_BYTES) throw new PayloadTooLarge();
  // Most requests carry no body: skip the stream iteration entirely.
  if ((length === undefined || length === '0') && headers.transferEncoding === undefined) return EMPTY;
  const body = await readWithin(req, MAX_PAYLOAD_BYTES);
  if (body === undefined) throw new PayloadTooLarge();
  return body;
}

/** The request target with its path's `.`/`..` segments resolved, as SigV4 resolves them: what is routed, checked
 * against policies and covered by a signature is one and the same path. */
function withoutDotSegments(url: string): string {
  const queryAt = url.indexOf('?');
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  const resolved = removeDotSegments(path);
  return resolved === path ? url : `${resolved}${queryAt === -1 ? '' : url.slice(queryAt)}`;
}

/** AWS's quirk (§2.4): a non-SigV4 Authorization header on an unknown route is an IncompleteSignatureException. */
function incompleteSignature(authorization: string | undefined): string | undefined {
  if (!authorization || authorization.startsWith('AWS4-')) return undefined;
  const part = authorization
    .split(/[\s,]+/)
    .slice(1)
    .find((p) => p && !p.includes('='));
  return part === undefined
    ? undefined
    : `'${part}' not a valid key=value pair (missing equal-sign) in Authorization header: '${authorization}'.`;
}

/** What live traffic goes through before validation: who may call, with which key, how often. */
export interface Admission extends Authenticators {
  throttling: Throttling;
  usage: UsageMeter;
}

/**
 * The pipeline after routing, shared by live traffic and TestInvokeMethod — which, as AWS's, runs no authorizer,
 * checks no API key and throttles nothing (no `admission`).
 */
export async function executeMethod(ctx: GatewayContext, admission?: Admission): Promise<GatewayResult> {
  if (admission) {
    const authenticated = authorize(ctx, admission);
    if (authenticated) await authenticated;
    checkApiKey(ctx);
    const throttled = throttle(ctx, admission.throttling);
    if (throttled) await throttled;
    meterUsage(ctx, admission.usage);
  }
  validateRequest(ctx);
  return integrate(ctx);
}

export function gatewayResponse(ctx: GatewayContext, error: GatewayError): GatewayResult {
  const quirk =
    error.responseType === 'MISSING_AUTHENTICATION_TOKEN'
      ? incompleteSignature(ctx.request.headers.authorization)
      : undefined;
  if (quirk) {
    return {
      status: 403,
      headers: { 'Content-Type': 'application/json', 'x-amzn-ErrorType': 'IncompleteSignatureException' },
      body: JSON.stringify({ message: quirk }),
    };
  }
  const rendered = renderGatewayResponse({
    responseType: error.responseType,
    message: error.customMessage,
    errorType: error.errorType,
    status: error.status,
    snapshot: ctx.deployment?.snapshot,
    stageVariables: ctx.stageVariables,
    validationErrorString: ctx.validationErrors,
    context: ctx.context,
    request: { headers: ctx.request.headers, query: ctx.request.query, path: ctx.request.path },
  });
  return { status: rendered.status, headers: rendered.headers, body: rendered.body };
}

async function send(
  res: http.ServerResponse,
  ctx: GatewayContext,
  result: GatewayResult,
  head: boolean,
): Promise<void> {
  if (result.stream) {
    let opened = false;
    try {
      await result.stream((status, headers) => {
        headers.push('x-amzn-RequestId', ctx.requestId, 'x-amz-apigw-id', ctx.apigwId);
        res.writeHead(status, headers); // throws on a header Node will not send: then a 500 goes out instead
        opened = true;
        return res;
      });
      if (!res.writableEnded) res.end();
    } catch (error) {
      if (opened || !(error instanceof GatewayError)) throw error;
      await send(res, ctx, gatewayResponse(ctx, error), head);
    }
    return;
  }
  res.statusCode = result.status;
  for (const [name, value] of Object.entries(result.headers)) res.setHeader(name, value);
  res.setHeader('x-amzn-RequestId', ctx.requestId);
  res.setHeader('x-amz-apigw-id', ctx.apigwId);
  const body = result.body;
  if (typeof body === 'string' || Buffer.isBuffer(body)) {
    res.setHeader('Content-Length', Buffer.byteLength(body));
    res.end(head ? undefined : body);
    return;
  }
  if (head) {
    (body as NodeJS.ReadableStream & { resume(): void }).resume();
    res.end();
    return;
  }
  await pipeline(body, res);
}

export interface HandlerDeps {
  store: Pick<ConfigStore<ServedStage>, 'get' | 'basePathMappings' | 'webAcl'>;
  customDomains: () => ReadonlyMap<string, readonly BasePathMapping[]>;
  /** the functions integrations and authorizers invoke (absent: they answer 500) */
  functions?: FunctionInvoker;
  admission: Admission;
}

export async function handleGatewayRequest(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  deps: HandlerDeps,
): Promise<void> {
  const ids = requestIds();
  const headers = entryHeaders(req.rawHeaders);
  const clientRequestId = headers.requestId;
  const url = withoutDotSegments(req.url ?? '/');
  const queryAt = url.indexOf('?');
  const remote = req.socket.remoteAddress ?? '';
  const ctx = createGatewayContext({
    requestId: typeof clientRequestId === 'string' && UUID.test(clientRequestId) ? clientRequestId : ids.requestId,
    apigwId: ids.apigwId,
    startedAt: Date.now(),
    method: req.method ?? 'GET',
    url,
    path: queryAt === -1 ? url : url.slice(0, queryAt),
    rawQuery: queryAt === -1 ? '' : url.slice(queryAt + 1),
    rawHeaders: req.rawHeaders,
    host: headers.host ?? '',
    sourceIp: remote.startsWith('::ffff:') ? remote.slice(7) : remote,
    body: EMPTY,
    functions: deps.functions,
  });
  if (headers.hostTwice) {
    refuse(res, ctx, 400, 'Bad Request');
    return;
  }
  let result: GatewayResult;
  try {
    try {
      ctx.body = await readBody(req, headers);
    } catch (error) {
      if (error instanceof PayloadTooLarge)
        refuse(res, ctx, 413, `HTTP content length exceeded ${MAX_PAYLOAD_BYTES} bytes.`);
      else res.destroy(); // the client went away while sending: nothing to answer, nothing to log
      return;
    }
    const target = parseTarget(headers.host, url, { customDomains: deps.customDomains() });
    const stage = target ? deps.store.get(target.restApiId, target.stage) : undefined;
    if (!target || !stage || (stage.disableExecuteApiEndpoint && target.source !== 'custom-domain')) {
      throw new GatewayError('MISSING_AUTHENTICATION_TOKEN');
    }
    ctx.path = target.path;
    selectDeployment(ctx, stage);
    const webAcl = deps.store.webAcl(stage.restApiId, stage.stageName);
    const blocked = webAcl ? inspectWithWaf(ctx, webAcl) : undefined;
    if (blocked) {
      result = blocked;
    } else {
      routeRequest(ctx);
      result = await executeMethod(ctx, deps.admission);
    }
  } catch (error) {
    if (!(error instanceof GatewayError)) {
      console.error(`gateway: request ${ctx.requestId} failed:`, error);
    }
    result = safeGatewayResponse(
      ctx,
      error instanceof GatewayError ? error : new GatewayError('API_CONFIGURATION_ERROR'),
    );
  }
  const head = req.method === 'HEAD';
  try {
    await send(res, ctx, result, head);
  } catch (error) {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    // A header Node refuses to send (a control character from a mapping, a function, a backend): AWS's 500.
    console.error(`gateway: request ${ctx.requestId}: the response could not be sent:`, (error as Error).message);
    for (const name of res.getHeaderNames()) res.removeHeader(name);
    await send(res, ctx, INTERNAL_ERROR, head).catch(() => res.destroy());
  }
}

/** The last resort: AWS's 500, built from nothing the request or the API could have made unsendable. */
const INTERNAL_ERROR: GatewayResult = {
  status: 500,
  headers: { 'Content-Type': 'application/json', 'x-amzn-ErrorType': 'InternalServerErrorException' },
  body: '{"message":"Internal server error"}',
};

/** A gateway response that cannot fail: rendering one (templates, the request's maps) falls back to AWS's 500. */
function safeGatewayResponse(ctx: GatewayContext, error: GatewayError): GatewayResult {
  try {
    return gatewayResponse(ctx, error);
  } catch (failure) {
    console.error(`gateway: request ${ctx.requestId}: its gateway response failed:`, failure);
    return INTERNAL_ERROR;
  }
}

/** An answer before the pipeline runs (a body over the limit, a malformed request), closing the connection. */
function refuse(res: http.ServerResponse, ctx: GatewayContext, status: number, message: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain',
    'x-amzn-RequestId': ctx.requestId,
    'x-amz-apigw-id': ctx.apigwId,
    Connection: 'close',
  });
  res.end(message);
}
