// Parameter mapping (AWS §1.7): integration request parameters from the method request, stage variables, $context
// and static values; method response headers from the integration response.
import { bodyValue } from './json-path';
import type { MethodRequest } from './method-request';

export interface MappingSources {
  stageVariables: Record<string, string>;
  context: Record<string, unknown>;
  /** the route's path parameters, when known: `method.request.path.X` then builds no other map of the request */
  readonly pathParameters?: Record<string, string>;
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

/** Reads one expression's value; the method request is asked for only by the expressions that read it. */
type RequestSource = (request: () => MethodRequest, sources: MappingSources) => string | string[] | undefined;

const REQUEST_EXPRESSION =
  /^method\.request\.(path|querystring|multivaluequerystring|header|multivalueheader|body)(?:\.(.+))?$/;

/** A request mapping expression parsed once into the function that reads its value. */
function compileRequestExpression(expression: string): RequestSource {
  if (expression.length >= 2 && expression.startsWith("'") && expression.endsWith("'")) {
    const literal = expression.slice(1, -1);
    return () => literal;
  }
  if (expression.startsWith('stageVariables.')) {
    const name = expression.slice(15);
    return (_request, sources) => sources.stageVariables[name];
  }
  if (expression.startsWith('context.')) {
    const dotted = expression.slice(8);
    return (_request, sources) => contextValue(sources.context, dotted);
  }
  const m = REQUEST_EXPRESSION.exec(expression);
  if (!m) return () => undefined;
  const [, where, name] = m as unknown as [string, string, string | undefined];
  if (where === 'body') return (request) => bodyValue(request().body, name);
  if (name === undefined) return () => undefined;
  const lower = name.toLowerCase();
  switch (where) {
    case 'path':
      return (request, sources) => (sources.pathParameters ?? request().path)[name];
    case 'querystring':
      return (request) => request().query[name];
    case 'multivaluequerystring':
      return (request) => request().multiQuery[name];
    case 'header':
      return (request) => request().headers[lower];
    default:
      return (request) => request().multiHeaders[lower];
  }
}

/** The value(s) of a request mapping expression; undefined when the source is absent. */
export function requestExpressionValue(
  expression: string,
  request: MethodRequest,
  sources: MappingSources,
): string | string[] | undefined {
  return compileRequestExpression(expression)(() => request, sources);
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

interface CompiledRequestParameter {
  where: 'path' | 'querystring' | 'header';
  name: string;
  value: RequestSource;
}

const TARGET = /^integration\.request\.(path|querystring|header)\.(.+)$/;
/** Compiled once per requestParameters object (snapshots are immutable, so the object is the deployment's). */
const compiledParameters = new WeakMap<Record<string, string>, readonly CompiledRequestParameter[]>();

function compileRequestParameters(requestParameters: Record<string, string>): readonly CompiledRequestParameter[] {
  let compiled = compiledParameters.get(requestParameters);
  if (compiled === undefined) {
    compiled = Object.entries(requestParameters).flatMap(([target, expression]) => {
      const m = TARGET.exec(target);
      if (!m) return [];
      const [, where, name] = m as unknown as [string, CompiledRequestParameter['where'], string];
      return [{ where, name, value: compileRequestExpression(expression) }];
    });
    compiledParameters.set(requestParameters, compiled);
  }
  return compiled;
}

const NOTHING_MAPPED: MappedRequestParameters = Object.freeze({
  path: Object.freeze({}),
  query: Object.freeze({}),
  headers: Object.freeze({}),
}) as MappedRequestParameters;

/**
 * Applies an integration's requestParameters: `integration.request.{path|querystring|header}.X` ← expression. The
 * method request and $context are read only by the expressions that need them (both are built on first use).
 */
export function mapRequestParameters(
  requestParameters: Record<string, string> | undefined,
  request: () => MethodRequest,
  sources: MappingSources,
): MappedRequestParameters {
  if (requestParameters === undefined) return NOTHING_MAPPED;
  const compiled = compileRequestParameters(requestParameters);
  if (compiled.length === 0) return NOTHING_MAPPED;
  const mapped: MappedRequestParameters = { path: {}, query: {}, headers: {} };
  for (const { where, name, value: read } of compiled) {
    const value = read(request, sources);
    if (value === undefined) continue;
    const values = Array.isArray(value) ? value : [value];
    if (where === 'path') mapped.path[name] = values[values.length - 1] ?? '';
    else if (where === 'querystring') mapped.query[name] = values;
    else mapped.headers[name] = values;
  }
  return mapped;
}
