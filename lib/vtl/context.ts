// The variables API Gateway gives a mapping template: $input, $util, $context, $stageVariables, and the
// $context.requestOverride / $context.responseOverride maps the template writes into.
import { toJavaString } from './display';
import { JavaException } from './errors';
import { cloneJson, parseJson, toJsonText } from './json';
import { compileJsonPath, evaluateJsonPath, MISSING } from './jsonpath';
import { UtilObject } from './util';
import { HostObject, isNullish, JavaList, JavaMap, JBigInt, JDouble, type MethodRuntime, type Value } from './values';

/** Variables for `render`: names (without `$`) to Java-like values. */
export interface VtlContext {
  readonly variables: Readonly<Record<string, Value>>;
}

/** Plain data accepted where Java values are built: JSON-like values (plus bigint). */
export type PlainValue = string | number | bigint | boolean | null | undefined | readonly PlainValue[] | PlainObject;
export interface PlainObject {
  readonly [key: string]: PlainValue;
}

/**
 * Converts plain data to Java values: objects → LinkedHashMap, arrays → ArrayList, 1.5 → Double, 2 → Integer.
 * Java values pass through; functions and symbols become null; other objects give their own properties.
 */
export function toJava(v: unknown, depth = 0): Value {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isSafeInteger(v) ? v + 0 : new JDouble(v);
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : new JBigInt(v);
  if (typeof v !== 'object') return null;
  if (
    v instanceof JavaMap ||
    v instanceof JavaList ||
    v instanceof HostObject ||
    v instanceof JDouble ||
    v instanceof JBigInt
  ) {
    return v;
  }
  if (depth > 100) return null;
  if (Array.isArray(v)) return new JavaList(v.map((x: unknown) => toJava(x, depth + 1)));
  const m = new JavaMap();
  for (const [k, val] of Object.entries(v)) m.put(k, toJava(val, depth + 1));
  return m;
}

/** A VtlContext from plain data (for tests and non-AWS uses). */
export function vtlContext(variables: Readonly<Record<string, unknown>>): VtlContext {
  const out: Record<string, Value> = {};
  for (const [k, v] of Object.entries(variables)) out[k] = toJava(v);
  return { variables: out };
}

/**
 * `$context.authorizer.claims`: AWS documents that the bare reference returns null, while `.claims.sub` works.
 * It prints like null (as written), is false in `#if`, and `#set` ignores it.
 */
export class ClaimsObject extends HostObject {
  readonly javaClass = 'java.util.Map';
  override readonly behavesAsNull = true;
  constructor(private readonly claims: JavaMap) {
    super();
  }
  override getProperty(name: string): Value | undefined {
    return this.claims.get(name);
  }
  override invoke(name: string, args: readonly Value[]): Value | undefined {
    if (name === 'get' && args.length === 1) return this.claims.get(args[0] ?? null);
    if (name === 'containsKey' && args.length === 1) return this.claims.has(args[0] ?? null);
    if (name === 'keySet' && args.length === 0) return new JavaList(this.claims.keys(), 'Set');
    return undefined;
  }
}

type MultiValue = string | readonly string[];

export interface AwsTemplateInput {
  /** The payload (request body for request templates, integration response body for response templates). */
  body?: string | null;
  /** The body is base64 text of a binary payload; templates see it as that text (`$input.body`). */
  isBase64Encoded?: boolean;
  path?: Readonly<Record<string, string>>;
  /** Query string parameters; with several values the last one is used, as AWS does for `$input.params()`. */
  querystring?: Readonly<Record<string, MultiValue>>;
  /** Request headers (original casing); with several values the last one is used. */
  header?: Readonly<Record<string, MultiValue>>;
  stageVariables?: Readonly<Record<string, string>> | null;
  /** The `$context` object: any nested plain data (requestId, identity.sourceIp, authorizer.claims.sub, …). */
  context?: object;
  /** Overrides set by an earlier template (the request template's, seen by the response template). */
  requestOverride?: RequestOverride;
  responseOverride?: ResponseOverride;
}

export interface RequestOverride {
  header: Record<string, string | string[]>;
  querystring: Record<string, string | string[]>;
  path: Record<string, string>;
}

export interface ResponseOverride {
  /** Set only when the template set an integer status between 100 and 599 (AWS ignores anything else). */
  status?: number;
  header: Record<string, string | string[]>;
}

function lastValue(v: MultiValue): string {
  return typeof v === 'string' ? v : (v[v.length - 1] ?? '');
}

function paramMap(params: Readonly<Record<string, MultiValue>> | undefined): JavaMap {
  const m = new JavaMap();
  if (params !== undefined) for (const [k, v] of Object.entries(params)) m.put(k, lastValue(v));
  return m;
}

function overrideMap(values: Readonly<Record<string, string | readonly string[]>> | undefined): JavaMap {
  const m = new JavaMap();
  if (values !== undefined) {
    for (const [k, v] of Object.entries(values)) m.put(k, typeof v === 'string' ? v : new JavaList([...v]));
  }
  return m;
}

/** The parsed body: shared with the first `$input.path` caller, re-parsed once a template has changed it. */
interface ParsedBody {
  value: Value;
  dirty: boolean;
  handedOut: boolean;
}

/** The `$input` variable. */
export class InputObject extends HostObject {
  readonly javaClass = 'com.amazonaws.apigateway.mapping.Input';
  private parsed: ParsedBody | null = null;
  private readonly params: JavaMap;

  constructor(
    private readonly body: string,
    private readonly pathParams: JavaMap,
    private readonly queryParams: JavaMap,
    private readonly headerParams: JavaMap,
  ) {
    super();
    this.params = new JavaMap();
    this.params.put('path', pathParams);
    this.params.put('querystring', queryParams);
    this.params.put('header', headerParams);
  }

  /**
   * The body as a JSON document. AWS parses it on every call, so each `$input.path` result is independent and
   * `$input.json` never sees changes a template made; the same holds here, without the cost: the document is parsed
   * once, the first caller gets it as is, later callers get copies, and a change to it forces a fresh parse.
   */
  private document(rt: MethodRuntime): ParsedBody {
    if (this.parsed === null || this.parsed.dirty) {
      rt.charge(this.body.length);
      const doc: ParsedBody = { value: null, dirty: false, handedOut: false };
      doc.value = parseJson(
        this.body,
        () => {
          doc.dirty = true;
        },
        () => rt.charge(CONTAINER_COST),
      );
      this.parsed = doc;
    }
    return this.parsed;
  }

  override getProperty(name: string): Value | undefined {
    return name === 'body' ? this.body : undefined;
  }

  override invoke(name: string, args: readonly Value[], rt: MethodRuntime): Value | undefined {
    const a0 = args[0] ?? null;
    switch (name) {
      case 'getBody':
        return args.length === 0 ? this.body : undefined;
      case 'params':
        if (args.length === 0) return this.params;
        if (args.length !== 1 || (a0 !== null && typeof a0 !== 'string')) return undefined;
        return this.param(a0);
      case 'json':
      case 'path': {
        if (args.length !== 1 || (a0 !== null && typeof a0 !== 'string')) return undefined;
        if (a0 === null) throw new JavaException('java.lang.IllegalArgumentException', 'path can not be null');
        const doc = this.document(rt);
        const compiled = compileJsonPath(a0);
        if (!compiled.definite) rt.charge(this.body.length);
        const result = evaluateJsonPath(compiled, doc.value, (steps) => rt.charge(steps * STEP_COST));
        if (name === 'path') {
          if (result === MISSING) return null;
          if (!(result instanceof JavaMap || result instanceof JavaList)) return result;
          if (!doc.handedOut) {
            doc.handedOut = true;
            return result;
          }
          return cloneJson(result, () => rt.charge(COPY_COST));
        }
        // Quirk (LocalStack-validated): a path that matches nothing gives `""`, not `null` or nothing.
        const text = result === MISSING ? '""' : toJsonText(result);
        rt.charge(text.length);
        return rt.checkString(text);
      }
      default:
        return undefined;
    }
  }

  /** `$input.params('x')`: path, then query string, then header (case-insensitive); "" when absent. */
  private param(name: string | null): Value {
    if (name === null) return '';
    for (const m of [this.pathParams, this.queryParams]) if (m.has(name)) return m.get(name);
    if (this.headerParams.has(name)) return this.headerParams.get(name);
    const lower = name.toLowerCase();
    for (const [k, v] of this.headerParams.entries()) if (typeof k === 'string' && k.toLowerCase() === lower) return v;
    return '';
  }
}

/** Budget units for each object or array a body parses into (or is copied into): a document is charged for what it
 * costs in memory, not only for its length — `[{},{},…]` is 3 characters per map. */
const CONTAINER_COST = 128;
/** Budget units for each object or array copied for a later `$input.path` (short-lived, so cheaper). */
const COPY_COST = 16;
/** Budget units for each JSONPath step (deep scans can be quadratic in the document). */
const STEP_COST = 8;

/** What `createAwsContext` returns: the variables to render with, and readers for what the template overrode. */
export interface AwsTemplateContext extends VtlContext {
  readRequestOverride(): RequestOverride;
  readResponseOverride(): ResponseOverride;
}

function buildContextMap(context: object | undefined): JavaMap {
  const converted = toJava(context ?? {});
  const map = converted instanceof JavaMap ? converted : new JavaMap();
  const authorizer = map.get('authorizer');
  if (authorizer instanceof JavaMap) {
    const claims = authorizer.get('claims');
    if (claims instanceof JavaMap) authorizer.put('claims', new ClaimsObject(claims));
  }
  return map;
}

function stringValues(m: Value): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  if (!(m instanceof JavaMap)) return out;
  for (const [k, v] of m.entries()) {
    if (isNullish(v)) continue;
    out[toJavaString(k)] = v instanceof JavaList ? v.items.map((x) => toJavaString(x)) : toJavaString(v);
  }
  return out;
}

/** Builds `$input`, `$util`, `$context`, `$stageVariables` for one request. */
export function createAwsContext(input: AwsTemplateInput): AwsTemplateContext {
  // Quirk (LocalStack-validated): an empty body is seen as `{}` by $input.body, $input.json and $input.path.
  const body = input.body === undefined || input.body === null || input.body === '' ? '{}' : input.body;
  const inputObject = new InputObject(body, paramMap(input.path), paramMap(input.querystring), paramMap(input.header));

  const contextMap = buildContextMap(input.context);
  const requestOverride = new JavaMap();
  requestOverride.put('header', overrideMap(input.requestOverride?.header));
  requestOverride.put('querystring', overrideMap(input.requestOverride?.querystring));
  requestOverride.put('path', overrideMap(input.requestOverride?.path));
  const responseOverride = new JavaMap();
  responseOverride.put('header', overrideMap(input.responseOverride?.header));
  if (input.responseOverride?.status !== undefined) responseOverride.put('status', input.responseOverride.status);
  contextMap.put('requestOverride', requestOverride);
  contextMap.put('responseOverride', responseOverride);

  const stageVariables = new JavaMap();
  for (const [k, v] of Object.entries(input.stageVariables ?? {})) stageVariables.put(k, v);

  return {
    variables: { input: inputObject, util: new UtilObject(), context: contextMap, stageVariables },
    readRequestOverride(): RequestOverride {
      const path: Record<string, string> = {};
      for (const [k, v] of Object.entries(stringValues(requestOverride.get('path'))))
        path[k] = typeof v === 'string' ? v : v.join(',');
      return {
        header: stringValues(requestOverride.get('header')),
        querystring: stringValues(requestOverride.get('querystring')),
        path,
      };
    },
    readResponseOverride(): ResponseOverride {
      const status = responseOverride.get('status');
      const out: ResponseOverride = { header: stringValues(responseOverride.get('header')) };
      if (typeof status === 'number' && status >= 100 && status <= 599) out.status = status;
      return out;
    },
  };
}
