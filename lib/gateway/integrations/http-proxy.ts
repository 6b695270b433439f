// HTTP_PROXY: the request goes to the backend as the client sent it (hop-by-hop headers aside, mapped parameters
// merged in), and the backend's response comes back as it is, streamed.
import type { SnapshotMethod } from '../../snapshot/snapshot-schema';
import { mapRequestParameters } from '../mapping/parameter-mapping';
import type { GatewayContext, GatewayResult } from '../pipeline/gateway-context';
import { streamBackend } from './backend-client';
import { buildIntegrationUri } from './build-uri';
import { DROPPED_REQUEST_HEADERS, passResponseHeaders } from './headers';

export async function httpProxy(ctx: GatewayContext, method: SnapshotMethod): Promise<GatewayResult> {
  const integration = method.methodIntegration;
  if (!integration?.uri) throw new Error('HTTP_PROXY integration without a uri');
  const mapped = mapRequestParameters(integration.requestParameters, ctx.request, {
    stageVariables: ctx.stageVariables,
    context: ctx.context,
  });
  const pathValues = { ...ctx.route?.pathParameters, ...mapped.path };
  const query: Array<[string, string]> = [];
  for (const [name, values] of Object.entries(ctx.request.multiQuery)) {
    if (!(name in mapped.query)) for (const v of values) query.push([name, v]);
  }
  for (const [name, values] of Object.entries(mapped.query)) for (const v of values) query.push([name, v]);

  const headers: Record<string, string | string[]> = {};
  const raw = ctx.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = (raw[i] as string).toLowerCase();
    if (DROPPED_REQUEST_HEADERS.has(name)) continue;
    const existing = headers[name];
    const value = raw[i + 1] as string;
    headers[name] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  for (const [name, values] of Object.entries(mapped.headers)) headers[name.toLowerCase()] = values;
  const forwarded = headers['x-forwarded-for'];
  headers['x-forwarded-for'] = forwarded ? `${forwarded}, ${ctx.sourceIp}` : ctx.sourceIp;

  const verb = !integration.httpMethod || integration.httpMethod === 'ANY' ? ctx.method : integration.httpMethod;
  const backendRequest = {
    url: buildIntegrationUri(integration.uri, pathValues, ctx.stageVariables, query),
    method: verb,
    headers,
    body: ctx.body,
    timeoutMs: integration.timeoutInMillis,
  };
  return {
    status: 0,
    headers: {},
    body: '',
    stream: (open) =>
      streamBackend(backendRequest, (status, backendHeaders) =>
        open(status, passResponseHeaders(backendHeaders, true)),
      ),
  };
}
