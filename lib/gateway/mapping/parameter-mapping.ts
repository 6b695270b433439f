// Parameter mapping (AWS §1.7): integration request parameters from the method request, stage variables, $context
// and static values; method response headers from the integration response.
import { bodyValue } from './json-path';
import type { MethodRequest } from './method-request';

export interface MappingSources {
  stageVariables: Record<string, string>;
  context: Record<string, unknown>;
}

/** `a.b.c` in a nested object, as text (`$context.identity.sourceIp`, `context.requestId`). */
export function contextValue(context: Record<string, unknown>, dotted: string): string | undefined {
  let value: unknown = context;
  for (const part of dotted.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value === undefined || value === null ? undefined : String(value);
}

function common(expression: string, sources: MappingSources): string | undefined | null {
  if (expression.length >= 2 && expression.startsWith("'") && expression.endsWith("'")) return expression.slice(1, -1);
  if (expression.startsWith('stageVariables.')) return sources.stageVariables[expression.slice(15)];
  if (expression.startsWith('context.')) return contextValue(sources.context, expression.slice(8));
  return null;
}

/** The value(s) of a request mapping expression; undefined when the source is absent. */
export function requestExpressionValue(
  expression: string,
  request: MethodRequest,
  sources: MappingSources,
): string | string[] | undefined {
  const shared = common(expression, sources);
  if (shared !== null) return shared;
  const m = /^method\.request\.(path|querystring|multivaluequerystring|header|multivalueheader|body)(?:\.(.+))?$/.exec(
    expression,
  );
  if (!m) return undefined;
  const [, where, name] = m as unknown as [string, string, string | undefined];
  switch (where) {
    case 'path':
      return name === undefined ? undefined : request.path[name];
    case 'querystring':
      return name === undefined ? undefined : request.query[name];
    case 'multivaluequerystring':
      return name === undefined ? undefined : request.multiQuery[name];
    case 'header':
      return name === undefined ? undefined : request.headers[name.toLowerCase()];
    case 'multivalueheader':
      return name === undefined ? undefined : request.multiHeaders[name.toLowerCase()];
    default:
      return bodyValue(request.body, name);
  }
}

export interface IntegrationResponseValues {
  headers: Record<string, string>;
  multiHeaders: Record<string, string[]>;
  body: string;
}

/** The value of a method response header mapping expression. */
export function responseExpressionValue(
  expression: string,
  response: IntegrationResponseValues,
  sources: MappingSources,
): string | undefined {
  const shared = common(expression, sources);
  if (shared !== null) return shared;
  const m = /^integration\.response\.(header|multivalueheader|body)(?:\.(.+))?$/.exec(expression);
  if (!m) return undefined;
  const [, where, name] = m as unknown as [string, string, string | undefined];
  if (where === 'header') return name === undefined ? undefined : response.headers[name.toLowerCase()];
  if (where === 'multivalueheader')
    return name === undefined ? undefined : response.multiHeaders[name.toLowerCase()]?.join(',');
  return bodyValue(response.body, name);
}

export interface MappedRequestParameters {
  path: Record<string, string>;
  query: Record<string, string[]>;
  headers: Record<string, string[]>;
}

/** Applies an integration's requestParameters: `integration.request.{path|querystring|header}.X` ← expression. */
export function mapRequestParameters(
  requestParameters: Record<string, string> | undefined,
  request: MethodRequest,
  sources: MappingSources,
): MappedRequestParameters {
  const mapped: MappedRequestParameters = { path: {}, query: {}, headers: {} };
  for (const [target, expression] of Object.entries(requestParameters ?? {})) {
    const m = /^integration\.request\.(path|querystring|header)\.(.+)$/.exec(target);
    if (!m) continue;
    const [, where, name] = m as unknown as [string, 'path' | 'querystring' | 'header', string];
    const value = requestExpressionValue(expression, request, sources);
    if (value === undefined) continue;
    const values = Array.isArray(value) ? value : [value];
    if (where === 'path') mapped.path[name] = values[values.length - 1] ?? '';
    else if (where === 'querystring') mapped.query[name] = values;
    else mapped.headers[name] = values;
  }
  return mapped;
}
