// AWS_PROXY (§4): the request goes to the function as Lambda's proxy event (payload 1.0), and the function's answer —
// `{statusCode, headers, multiValueHeaders, body, isBase64Encoded}` — becomes the response. A function that fails,
// or answers anything else, is AWS's 502 `Internal server error` (DEFAULT_5XX); a function the URI does not name
// is a configuration error (500); the integration timeout is AWS's 504.
import type { SnapshotMethod } from '../../snapshot/snapshot-schema';
import { traceId } from '../aws-headers';
import { GatewayError } from '../gateway-error';
import { decodeBase64, isBinaryType } from '../mapping/binary';
import type { GatewayContext, GatewayResult } from '../pipeline/gateway-context';
import { methodResponseHeaders } from './headers';
import { invokeIntegrationFunction } from './lambda-invoke';

const RESPONSE_KEYS = new Set(['statusCode', 'headers', 'multiValueHeaders', 'body', 'isBase64Encoded']);
/** not in the event's headers (AWS) */
const EVENT_DROPPED_HEADERS = new Set(['content-length', 'connection']);

const nullIfEmpty = <T extends object>(value: T): T | null => (Object.keys(value).length === 0 ? null : value);

/** Lambda's proxy event (payload format 1.0) for this request. */
export function proxyEvent(ctx: GatewayContext): Record<string, unknown> {
  const headers: Record<string, string> = Object.create(null); // the client's names: no prototype
  const multiValueHeaders: Record<string, string[]> = Object.create(null);
  const raw = ctx.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] as string;
    if (EVENT_DROPPED_HEADERS.has(name.toLowerCase())) continue;
    const value = raw[i + 1] as string;
    headers[name] = value;
    const values = multiValueHeaders[name];
    if (values) values.push(value);
    else multiValueHeaders[name] = [value];
  }
  const request = ctx.request;
  const binary = isBinaryType(request.headers['content-type'], ctx.deployment?.snapshot.binaryMediaTypes ?? []);
  const context = ctx.context;
  return {
    resource: ctx.route?.resourcePath ?? ctx.path,
    path: ctx.path,
    httpMethod: ctx.method,
    headers: nullIfEmpty(headers),
    multiValueHeaders: nullIfEmpty(multiValueHeaders),
    queryStringParameters: nullIfEmpty(request.query),
    multiValueQueryStringParameters: nullIfEmpty(request.multiQuery),
    pathParameters: nullIfEmpty(request.path),
    stageVariables: nullIfEmpty(ctx.stageVariables),
    requestContext: {
      resourceId: context.resourceId,
      resourcePath: context.resourcePath,
      httpMethod: context.httpMethod,
      extendedRequestId: context.extendedRequestId,
      requestTime: context.requestTime,
      path: context.path,
      accountId: context.accountId,
      protocol: context.protocol,
      stage: context.stage,
      domainPrefix: context.domainPrefix,
      requestTimeEpoch: context.requestTimeEpoch,
      requestId: context.requestId,
      identity: context.identity,
      domainName: context.domainName,
      deploymentId: context.deploymentId,
      apiId: context.apiId,
      ...(context.authorizer !== undefined && { authorizer: context.authorizer }),
    },
    body: ctx.body.length === 0 ? null : binary ? ctx.body.toString('base64') : ctx.body.toString('utf8'),
    isBase64Encoded: binary,
  };
}

class MalformedProxyResponse extends Error {}

const headerText = (value: unknown): string => {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  throw new MalformedProxyResponse(`header value ${JSON.stringify(value)}`);
};

function statusOf(value: unknown): number {
  if (value === undefined || value === null) return 200;
  const status = typeof value === 'string' && /^\d{3}$/.test(value) ? Number(value) : value;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599) {
    throw new MalformedProxyResponse(`statusCode ${JSON.stringify(value)}`);
  }
  return status;
}

/** The function's proxy answer as the response AWS sends (§4.2, quirks as LocalStack validated them). */
export function proxyResponse(ctx: GatewayContext, payload: string): GatewayResult {
  let answer: unknown;
  try {
    answer = JSON.parse(payload);
  } catch {
    throw new MalformedProxyResponse('not JSON');
  }
  if (answer === null || typeof answer !== 'object' || Array.isArray(answer)) {
    throw new MalformedProxyResponse('not an object');
  }
  const fields = answer as Record<string, unknown>;
  for (const key of Object.keys(fields)) if (!RESPONSE_KEYS.has(key)) throw new MalformedProxyResponse(key);
  const status = statusOf(fields.statusCode);
  const headers: Record<string, string | string[]> = Object.create(null); // the function's names
  const names = new Map<string, string>(); // lower-cased → the casing sent
  const multi = fields.multiValueHeaders;
  if (multi !== undefined && multi !== null) {
    if (typeof multi !== 'object' || Array.isArray(multi)) throw new MalformedProxyResponse('multiValueHeaders');
    for (const [name, values] of Object.entries(multi)) {
      if (!Array.isArray(values)) throw new MalformedProxyResponse(`multiValueHeaders.${name}`);
      headers[name] = values.map(headerText);
      names.set(name.toLowerCase(), name);
    }
  }
  const single = fields.headers;
  if (single !== undefined && single !== null) {
    if (typeof single !== 'object' || Array.isArray(single)) throw new MalformedProxyResponse('headers');
    for (const [name, value] of Object.entries(single)) {
      const text = headerText(value);
      const existing = names.get(name.toLowerCase());
      // AWS's quirk: a header in both maps keeps both values (multiValueHeaders' first), in one line
      if (existing) headers[existing] = [...(headers[existing] as string[]), text].join(', ');
      else headers[name] = text;
    }
  }
  if (![...Object.keys(headers)].some((name) => name.toLowerCase() === 'content-type')) {
    headers['Content-Type'] = 'application/json';
  }
  const body = fields.body;
  if (body !== undefined && body !== null && typeof body !== 'string') throw new MalformedProxyResponse('body');
  let out: Buffer | string = body ?? '';
  if (fields.isBase64Encoded === true && out !== '') {
    // AWS's quirk: decoded only when the client accepts a binary media type; otherwise the base64 text goes out
    const accept = ctx.request.headers.accept?.split(',')[0];
    if (isBinaryType(accept, ctx.deployment?.snapshot.binaryMediaTypes ?? [])) out = decodeBase64(out);
  }
  const sent = methodResponseHeaders(headers, 'AWS_PROXY');
  sent['X-Amzn-Trace-Id'] = traceId();
  return { status, headers: sent, body: out };
}

const internalError = () =>
  new GatewayError('DEFAULT_5XX', 'Internal server error', 'InternalServerErrorException', 502);

export async function lambdaProxy(ctx: GatewayContext, method: SnapshotMethod): Promise<GatewayResult> {
  const integration = method.methodIntegration;
  if (!integration?.uri) throw new GatewayError('API_CONFIGURATION_ERROR');
  const result = await invokeIntegrationFunction(ctx, integration, proxyEvent(ctx));
  if (result.functionError) {
    ctx.trace?.(`Lambda execution failed with status 200 due to customer function error: ${result.payload}`);
    throw internalError();
  }
  try {
    return proxyResponse(ctx, result.payload);
  } catch (error) {
    if (!(error instanceof MalformedProxyResponse)) throw error;
    ctx.trace?.('Execution failed due to configuration error: Malformed Lambda proxy response');
    throw internalError();
  }
}
