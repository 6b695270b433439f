// HTTP_PROXY: the request goes to the backend as the client sent it (hop-by-hop headers aside, mapped parameters
// merged in), and the backend's response comes back as it is, streamed. The hot path of most APIs: it reads the
// method request's maps and $context only when a parameter mapping asks for them.
import type { SnapshotMethod } from '../../snapshot/snapshot-schema';
import { mapRequestParameters } from '../mapping/parameter-mapping';
import type { GatewayContext, GatewayResult } from '../pipeline/gateway-context';
import { backendTarget, integrationUri } from './build-uri';
import { DROPPED_REQUEST_HEADERS, proxyResponseHeaders } from './headers';
import { streamToClient } from './stream-response';

const NO_RESULT_HEADERS: Record<string, string> = {};

/** The client's query string as name/value pairs, minus the names a mapping replaces, plus the mapped ones. */
function forwardedQuery(ctx: GatewayContext, mappedQuery: Record<string, string[]>): Array<[string, string]> {
  const query: Array<[string, string]> = [];
  if (ctx.rawQuery !== '') {
    for (const [name, values] of Object.entries(ctx.request.multiQuery)) {
      if (!(name in mappedQuery)) for (const v of values) query.push([name, v]);
    }
  }
  for (const [name, values] of Object.entries(mappedQuery)) for (const v of values) query.push([name, v]);
  return query;
}

/** The header names a Connection value lists besides keep-alive/close: hop-by-hop, never forwarded (RFC 9110
 * §7.6.1). */
function connectionNamed(connection: string): Set<string> | undefined {
  const named = connection
    .split(',')
    .map((token) => token.trim().toLowerCase())
    .filter((token) => token !== '' && token !== 'keep-alive' && token !== 'close');
  return named.length === 0 ? undefined : new Set(named);
}

/**
 * The client's headers, flat (`[name, value, …]`, as undici takes them), minus hop-by-hop and replaced ones, and
 * minus the SigV4 Authorization header of an AWS_IAM method (AWS drops it before the integration).
 */
function forwardedHeaders(ctx: GatewayContext, mappedHeaders: Record<string, string[]>, signed: boolean): string[] {
  const mappedList = Object.keys(mappedHeaders);
  const mappedNames = mappedList.length === 0 ? undefined : new Set(mappedList.map((name) => name.toLowerCase()));
  const out: string[] = [];
  let forwardedFor: string | undefined;
  const raw = ctx.rawHeaders;
  let connection: string | undefined;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = (raw[i] as string).toLowerCase();
    if (name === 'connection') connection = connection === undefined ? raw[i + 1] : `${connection},${raw[i + 1]}`;
    if (DROPPED_REQUEST_HEADERS.has(name) || mappedNames?.has(name)) continue;
    if (signed && name === 'authorization') continue;
    const value = raw[i + 1] as string;
    if (name === 'x-forwarded-for') forwardedFor = forwardedFor === undefined ? value : `${forwardedFor}, ${value}`;
    else out.push(name, value);
  }
  // found in the same pass: the rare Connection header naming others drops them afterwards (a name may come first)
  const hopByHop = connection === undefined ? undefined : connectionNamed(connection);
  if (hopByHop) {
    for (let i = out.length - 2; i >= 0; i -= 2) if (hopByHop.has(out[i] as string)) out.splice(i, 2);
    if (hopByHop.has('x-forwarded-for')) forwardedFor = undefined;
  }
  for (const [name, values] of Object.entries(mappedHeaders)) for (const v of values) out.push(name.toLowerCase(), v);
  out.push('x-forwarded-for', forwardedFor === undefined ? ctx.sourceIp : `${forwardedFor}, ${ctx.sourceIp}`);
  return out;
}

export async function httpProxy(ctx: GatewayContext, method: SnapshotMethod): Promise<GatewayResult> {
  const integration = method.methodIntegration;
  if (!integration?.uri) throw new Error('HTTP_PROXY integration without a uri');
  const mapped = mapRequestParameters(integration.requestParameters, () => ctx.request, ctx);
  const routeValues = ctx.route?.pathParameters ?? {};
  const pathValues = Object.keys(mapped.path).length === 0 ? routeValues : { ...routeValues, ...mapped.path };
  const { origin, path } = backendTarget(
    integrationUri(integration),
    pathValues,
    ctx.stageVariables,
    forwardedQuery(ctx, mapped.query),
  );
  const verb = !integration.httpMethod || integration.httpMethod === 'ANY' ? ctx.method : integration.httpMethod;
  const backendRequest = {
    origin,
    path,
    method: verb,
    headers: forwardedHeaders(ctx, mapped.headers, method.authorizationType === 'AWS_IAM'),
    body: ctx.body,
    timeoutMs: integration.timeoutInMillis,
  };
  return {
    status: 0,
    headers: NO_RESULT_HEADERS,
    body: '',
    stream: (open) => {
      const trace = ctx.trace;
      if (!trace) return streamToClient(backendRequest, open, proxyResponseHeaders);
      trace(`Endpoint request URI: ${origin}${path}`);
      trace(`Endpoint request headers: ${JSON.stringify(backendRequest.headers)}`);
      trace(`Endpoint request body after transformations: ${ctx.body.toString('utf8')}`);
      trace(`Sending request to ${origin}${path}`);
      const sentAt = Date.now();
      return streamToClient(
        backendRequest,
        (status, headers) => {
          trace(`Received response. Status: ${status}, Integration latency: ${Date.now() - sentAt} ms`);
          trace(`Endpoint response headers: ${JSON.stringify(headers)}`);
          return open(status, headers);
        },
        proxyResponseHeaders,
      );
    },
  };
}
