// HTTP, MOCK and AWS (Lambda or another service) integrations (non-proxy): the request template (or passthrough,
// §1.8) shapes what the backend gets; the backend status (MOCK's statusCode, a Lambda error's message) selects the
// integration response (§1.9), whose parameters and template shape what the client gets. Only mapped headers and
// query strings reach an HTTP backend or an AWS service; a function gets the transformed body as its event (§4.4).
import type { SnapshotMethod } from '../../snapshot/snapshot-schema';
import { traceId } from '../aws-headers';
import { GatewayError } from '../gateway-error';
import { convertPayload, isBinaryType } from '../mapping/binary';
import { requestTemplateKey, selectResponseTemplate } from '../mapping/content-type';
import { mapRequestParameters, responseExpressionValue } from '../mapping/parameter-mapping';
import { selectIntegrationResponse } from '../mapping/select-integration-response';
import { renderTemplate, type TemplateOverrides } from '../mapping/templates';
import type { GatewayContext, GatewayResult } from '../pipeline/gateway-context';
import { readWithin } from '../read-within';
import { awsServiceTarget, maskedAwsHeaders, signForAwsService } from './aws-service';
import { type BackendRequest, callBackend } from './backend-client';
import { backendTarget, type CompiledUri, integrationUri } from './build-uri';
import { methodResponseHeaders } from './headers';
import { invokeIntegrationFunction } from './lambda-invoke';

type Integration = NonNullable<SnapshotMethod['methodIntegration']>;

interface TransformedRequest {
  body: Buffer | string;
  contentType: string;
  /** what the request template overrode (absent: no template ran) */
  overrides?: TemplateOverrides;
}

const binaryTypes = (ctx: GatewayContext) => ctx.deployment?.snapshot.binaryMediaTypes ?? [];

function transformRequest(ctx: GatewayContext, integration: Integration): TransformedRequest {
  const templates = integration.requestTemplates ?? {};
  const contentType = ctx.request.headers['content-type'];
  const key = requestTemplateKey(contentType);
  const source = templates[key];
  const binary = isBinaryType(contentType, binaryTypes(ctx));
  if (source !== undefined) {
    // Templates see a binary payload as base64 text.
    const rendered = renderTemplate(ctx, source, binary ? ctx.body.toString('base64') : ctx.request.body);
    return { body: rendered.output, contentType: key, overrides: rendered.overrides };
  }
  const behaviour = integration.passthroughBehavior ?? 'WHEN_NO_MATCH';
  const hasTemplates = Object.keys(templates).length > 0;
  if (behaviour === 'NEVER' || (behaviour === 'WHEN_NO_TEMPLATES' && hasTemplates)) {
    throw new GatewayError('UNSUPPORTED_MEDIA_TYPE');
  }
  return {
    body: convertPayload(ctx.body, binary, integration.contentHandling, 'as-is'),
    contentType: contentType ?? 'application/json',
  };
}

interface BackendOutcome {
  status: string;
  /** what selectionPattern is matched against when it is not the status: a Lambda error's message (success: none) */
  selection?: { subject: string | undefined };
  headers: Record<string, string>;
  multiHeaders: Record<string, string[]>;
  body: string;
  bytes: Buffer;
}

function mockStatus(transformed: TransformedRequest, hasTemplate: boolean): string {
  const text = transformed.body.toString();
  if (!hasTemplate && text.trim() === '') return '200';
  try {
    const parsed = JSON.parse(text) as { statusCode?: unknown };
    if (typeof parsed.statusCode === 'number' && Number.isInteger(parsed.statusCode)) return String(parsed.statusCode);
  } catch {
    // fall through
  }
  if (!hasTemplate) return '200';
  throw new GatewayError('API_CONFIGURATION_ERROR');
}

/** AWS's payload limit, for what an integration answers too */
const MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

/** The backend's body, up to AWS's 10 MB: past that the backend is cut off and the client gets a 502. */
async function readLimited(ctx: GatewayContext, body: AsyncIterable<Buffer> & { destroy(): void }): Promise<Buffer> {
  const bytes = await readWithin(body, MAX_RESPONSE_BYTES);
  if (bytes !== undefined) return bytes;
  body.destroy();
  ctx.trace?.(`Execution failed: the endpoint response is larger than ${MAX_RESPONSE_BYTES} bytes`);
  throw new GatewayError('DEFAULT_5XX', 'Internal server error', 'InternalServerErrorException', 502);
}

/** The backend request of an HTTP integration (or an AWS service's): mapped headers and query strings only. */
function backendRequest(
  ctx: GatewayContext,
  integration: Integration,
  transformed: TransformedRequest,
  uri: CompiledUri,
): BackendRequest {
  const mapped = mapRequestParameters(integration.requestParameters, () => ctx.request, ctx);
  const override = transformed.overrides?.request;
  const headers: Record<string, string | string[]> = {
    accept: 'application/json',
    'user-agent': `AmazonAPIGateway_${ctx.stage?.restApiId ?? ''}`,
    'x-amzn-apigateway-api-id': ctx.stage?.restApiId ?? '',
    'content-type': transformed.contentType,
  };
  for (const [name, values] of Object.entries(mapped.headers)) headers[name.toLowerCase()] = values;
  for (const [name, value] of Object.entries(override?.header ?? {})) headers[name.toLowerCase()] = value;
  const query: Array<[string, string]> = [];
  const queryValues = {
    ...mapped.query,
    ...Object.fromEntries(Object.entries(override?.querystring ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v : [v]])),
  };
  for (const [name, values] of Object.entries(queryValues)) for (const v of values as string[]) query.push([name, v]);
  const verb = !integration.httpMethod || integration.httpMethod === 'ANY' ? ctx.method : integration.httpMethod;
  const target = backendTarget(uri, { ...mapped.path, ...override?.path }, ctx.stageVariables, query);
  return {
    ...target,
    method: verb,
    headers,
    body: verb === 'GET' || verb === 'HEAD' ? undefined : transformed.body,
    timeoutMs: integration.timeoutInMillis,
  };
}

async function send(
  ctx: GatewayContext,
  request: BackendRequest,
  shownHeaders: BackendRequest['headers'] = request.headers,
): Promise<BackendOutcome> {
  const trace = ctx.trace;
  if (trace) {
    trace(`Endpoint request URI: ${request.origin}${request.path}`);
    trace(`Endpoint request headers: ${JSON.stringify(shownHeaders)}`);
    trace(`Endpoint request body after transformations: ${request.body ?? ''}`);
    trace(`Sending request to ${request.origin}${request.path}`);
  }
  const sentAt = Date.now();
  const response = await callBackend(request);
  const bytes = await readLimited(ctx, response.body);
  const single: Record<string, string> = Object.create(null); // the backend's names: no prototype
  const multi: Record<string, string[]> = Object.create(null);
  for (const [name, value] of Object.entries(response.headers)) {
    if (value === undefined) continue;
    const values = Array.isArray(value) ? value : [value];
    single[name.toLowerCase()] = values[values.length - 1] ?? '';
    multi[name.toLowerCase()] = values;
  }
  const binary = isBinaryType(single['content-type'], binaryTypes(ctx));
  if (trace) {
    trace(`Received response. Status: ${response.statusCode}, Integration latency: ${Date.now() - sentAt} ms`);
    trace(`Endpoint response headers: ${JSON.stringify(single)}`);
    trace(`Endpoint response body before transformations: ${binary ? '[Binary Data]' : bytes.toString('utf8')}`);
  }
  return {
    status: String(response.statusCode),
    headers: single,
    multiHeaders: multi,
    body: binary ? bytes.toString('base64') : bytes.toString('utf8'),
    bytes,
  };
}

function callHttp(ctx: GatewayContext, integration: Integration, transformed: TransformedRequest) {
  return send(ctx, backendRequest(ctx, integration, transformed, integrationUri(integration)));
}

/** AWS (a service other than Lambda): the HTTP request to the service's endpoint, signed as the integration says. */
async function callAwsService(
  ctx: GatewayContext,
  integration: Integration,
  transformed: TransformedRequest,
): Promise<BackendOutcome> {
  const target = awsServiceTarget(integration);
  const unsigned = backendRequest(ctx, integration, transformed, target.uri);
  const signed = await signForAwsService(ctx, integration, target, unsigned);
  return send(ctx, signed, maskedAwsHeaders(signed.headers));
}

/** AWS (Lambda, non-proxy): the transformed body is the event; the function's answer (or error) is the payload. */
async function callLambda(
  ctx: GatewayContext,
  integration: Integration,
  transformed: TransformedRequest,
): Promise<BackendOutcome> {
  const text = transformed.body.toString();
  let event: unknown;
  try {
    event = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    ctx.trace?.('Execution failed due to configuration error: Could not parse request body into json');
    throw new GatewayError('API_CONFIGURATION_ERROR');
  }
  const result = await invokeIntegrationFunction(ctx, integration, event);
  let subject: string | undefined;
  if (result.functionError) {
    try {
      const message = (JSON.parse(result.payload) as { errorMessage?: unknown }).errorMessage;
      subject = typeof message === 'string' ? message : '';
    } catch {
      subject = '';
    }
  }
  const bytes = Buffer.from(result.payload);
  return {
    status: '200',
    selection: { subject },
    headers: { 'content-type': 'application/json' },
    multiHeaders: { 'content-type': ['application/json'] },
    body: result.payload,
    bytes,
  };
}

function callIntegration(
  ctx: GatewayContext,
  integration: Integration,
  transformed: TransformedRequest,
): Promise<BackendOutcome> | BackendOutcome {
  switch (integration.type) {
    case 'MOCK':
      return {
        status: mockStatus(transformed, transformed.overrides !== undefined),
        headers: {},
        multiHeaders: {},
        body: '',
        bytes: Buffer.alloc(0),
      };
    case 'AWS':
      return integration.uri?.includes(':lambda:path/')
        ? callLambda(ctx, integration, transformed)
        : callAwsService(ctx, integration, transformed);
    default:
      return callHttp(ctx, integration, transformed);
  }
}

export async function nonProxyIntegration(ctx: GatewayContext, method: SnapshotMethod): Promise<GatewayResult> {
  const integration = method.methodIntegration as Integration;
  const transformed = transformRequest(ctx, integration);
  if (integration.type === 'MOCK') ctx.trace?.(`Method request body after transformations: ${transformed.body}`);
  const outcome = await callIntegration(ctx, integration, transformed);
  const subject = outcome.selection ? outcome.selection.subject : outcome.status;
  const selected = selectIntegrationResponse(integration.integrationResponses, subject);
  if (!selected) {
    ctx.trace?.(
      `Execution failed due to configuration error: No match for output mapping and no default output mapping configured. Endpoint Response Status Code: ${outcome.status}`,
    );
    throw new GatewayError('API_CONFIGURATION_ERROR');
  }
  const headers: Record<string, string | string[]> = {};
  for (const [target, expression] of Object.entries(selected.responseParameters ?? {})) {
    const name = target.replace(/^method\.response\.header\./, '');
    const value = responseExpressionValue(expression, outcome, ctx);
    if (value !== undefined && name !== target) headers[name] = value;
  }
  let status = Number(selected.statusCode);
  let body: Buffer | string = outcome.body;
  const chosen = selectResponseTemplate(selected.responseTemplates, ctx.request.headers.accept);
  if (chosen) {
    const rendered = renderTemplate(ctx, chosen.template, outcome.body, transformed.overrides);
    body = rendered.output;
    const override = rendered.overrides.response;
    if (override.status !== undefined) status = override.status;
    for (const [name, value] of Object.entries(override.header)) headers[name] = value;
    headers['Content-Type'] ??= chosen.key;
  } else {
    const responseType = outcome.headers['content-type'];
    const acceptIsBinary = isBinaryType(ctx.request.headers.accept?.split(',')[0], binaryTypes(ctx));
    body = convertPayload(outcome.bytes, isBinaryType(responseType, binaryTypes(ctx)), selected.contentHandling, {
      acceptIsBinary,
    });
    headers['Content-Type'] ??= responseType ?? 'application/json';
  }
  const out = methodResponseHeaders(headers, integration.type === 'HTTP' ? 'HTTP' : 'MOCK');
  out['X-Amzn-Trace-Id'] = traceId(); // AWS: on every integration's answer but HTTP_PROXY's, never on gateway errors
  return { status, headers: out, body };
}
