// A web ACL compiled for the gateway: each rule's statement becomes a predicate over a WafRequest, IP sets become
// Node's BlockList (CIDR matching in C++), search strings and transformations are decoded once. Evaluation follows
// WAF: rules in priority order, the first matching rule with a terminating action (Allow, Block) decides, Count
// rules only count, and a request no rule decides gets the default action.
import net from 'node:net';
import { compileTransformations, type Transformation } from './text-transformations';
import { BODY_INSPECTION_LIMIT, type WafRequest } from './waf-request';
import { CONTENT_TYPES, decodeSearchString } from './web-acl-definition';

export interface IpSetContents {
  id: string;
  ipAddressVersion: string;
  addresses: readonly string[];
}

export interface WebAclSource {
  arn: string;
  defaultAction: unknown;
  rules: unknown;
  customResponseBodies: unknown;
}

export interface WafBlockResponse {
  status: number;
  /** WAF's custom headers, each named `x-amzn-waf-<name>` as WAF names them */
  headers: Record<string, string>;
  body?: { contentType: string; content: string };
}

export type WafVerdict = { action: 'ALLOW' } | { action: 'BLOCK'; response?: WafBlockResponse };

export interface CompiledWebAcl {
  arn: string;
  evaluate(request: WafRequest): WafVerdict;
}

// biome-ignore lint/suspicious/noExplicitAny: WAFv2's JSON shapes, checked by checkWebAclDefinition before they are stored
type Json = Record<string, any>;
type Predicate = (request: WafRequest) => boolean;
/** the value(s) a field yields for a request; `oversize` when only the first part of the body could be inspected */
type Field = (request: WafRequest) => { values: string[]; oversize?: boolean };

function compileField(fieldToMatch: Json): { read: Field; oversizeHandling?: string } {
  const [kind, options] = Object.entries(fieldToMatch).find(([, v]) => v != null) as [string, Json];
  switch (kind) {
    case 'UriPath':
      return { read: (r) => ({ values: [r.uriPath] }) };
    case 'QueryString':
      return { read: (r) => ({ values: [r.queryString] }) };
    case 'Method':
      return { read: (r) => ({ values: [r.method] }) };
    // A repeated header or argument: each value is inspected, and any one matching matches — the API and its
    // backend may read another copy than the first, so no copy may slip past a rule.
    case 'SingleHeader': {
      const name = String(options.Name).toLowerCase();
      return { read: (r) => ({ values: r.headerValues(name) }) };
    }
    case 'SingleQueryArgument': {
      const name = String(options.Name).toLowerCase();
      return {
        read: (r) => ({ values: r.queryArguments().flatMap(([k, v]) => (k.toLowerCase() === name ? [v] : [])) }),
      };
    }
    case 'AllQueryArguments':
      return { read: (r) => ({ values: r.queryArguments().map(([, v]) => v) }) };
    case 'Body':
      return {
        oversizeHandling: options?.OversizeHandling ?? 'CONTINUE',
        read: (r) => ({
          values: [r.body.subarray(0, BODY_INSPECTION_LIMIT).toString('latin1')],
          oversize: r.body.length > BODY_INSPECTION_LIMIT,
        }),
      };
    default:
      throw new Error(`unsupported field to match ${kind}`);
  }
}

const WORD = /[A-Za-z0-9_]/;

const isWordChar = (text: string, at: number) => at >= 0 && at < text.length && WORD.test(text[at] as string);

/** Knuth–Morris–Pratt's failure table: how far a partial match of `word` falls back. */
function failureTable(word: string): Int32Array {
  const table = new Int32Array(word.length);
  for (let i = 1, k = 0; i < word.length; i++) {
    while (k > 0 && word[i] !== word[k]) k = table[k - 1] as number;
    if (word[i] === word[k]) k++;
    table[i] = k;
  }
  return table;
}

/**
 * Whether `word` occurs in `text` with no word character ([A-Za-z0-9_]) on either side. Every occurrence is found in
 * one pass (KMP), so a self-overlapping search string (`aaaa…` in a body of `a`) costs O(n + m), not O(n·m).
 */
function containsWord(text: string, word: string, table: Int32Array): boolean {
  if (word.length === 0) return false;
  for (let i = 0, k = 0; i < text.length; i++) {
    while (k > 0 && text[i] !== word[k]) k = table[k - 1] as number;
    if (text[i] === word[k]) k++;
    if (k === word.length) {
      const start = i - word.length + 1;
      if (!isWordChar(text, start - 1) && !isWordChar(text, i + 1)) return true;
      k = table[k - 1] as number;
    }
  }
  return false;
}

const POSITIONS: Record<string, (text: string, search: string) => boolean> = {
  EXACTLY: (text, search) => text === search,
  STARTS_WITH: (text, search) => text.startsWith(search),
  ENDS_WITH: (text, search) => text.endsWith(search),
  CONTAINS: (text, search) => text.includes(search),
  CONTAINS_WORD: (text, search) => containsWord(text, search, failureTable(search)),
};

const COMPARISONS: Record<string, (size: number, limit: number) => boolean> = {
  EQ: (a, b) => a === b,
  NE: (a, b) => a !== b,
  LE: (a, b) => a <= b,
  LT: (a, b) => a < b,
  GE: (a, b) => a >= b,
  GT: (a, b) => a > b,
};

/** A field test: any of the field's values, transformed, passing `test`; oversize bodies as the rule says. */
function fieldPredicate(statement: Json, test: (value: string) => boolean): Predicate {
  const { read, oversizeHandling } = compileField(statement.FieldToMatch);
  const transform: Transformation = compileTransformations(statement.TextTransformations ?? []);
  return (request) => {
    const { values, oversize } = read(request);
    if (oversize && oversizeHandling === 'MATCH') return true;
    if (oversize && oversizeHandling === 'NO_MATCH') return false;
    return values.some((value) => test(transform(value)));
  };
}

/** An IP set's id, the last part of its ARN (rules name IP sets by ARN). */
export function ipSetId(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

function compileIpSet(set: IpSetContents | undefined): net.BlockList {
  const list = new net.BlockList();
  const family = set?.ipAddressVersion === 'IPV6' ? 'ipv6' : 'ipv4';
  for (const cidr of set?.addresses ?? []) {
    const [address = '', prefix] = cidr.split('/');
    list.addSubnet(address, Number(prefix ?? (family === 'ipv6' ? 128 : 32)), family);
  }
  return list;
}

function compileStatement(
  statement: Json,
  ipSets: ReadonlyMap<string, IpSetContents>,
  log: (m: string) => void,
  ipSetLists: Map<string, net.BlockList>,
): Predicate {
  const [kind, body] = Object.entries(statement).find(([, v]) => v != null) as [string, Json];
  switch (kind) {
    case 'ByteMatchStatement': {
      const search = decodeSearchString(body.SearchString).toString('latin1');
      if (body.PositionalConstraint === 'CONTAINS_WORD') {
        const table = failureTable(search);
        return fieldPredicate(body, (value) => containsWord(value, search, table));
      }
      const position = POSITIONS[body.PositionalConstraint] as (text: string, search: string) => boolean;
      return fieldPredicate(body, (value) => position(value, search));
    }
    case 'SizeConstraintStatement': {
      const compare = COMPARISONS[body.ComparisonOperator] as (a: number, b: number) => boolean;
      const size = Number(body.Size);
      // the body's size is its whole length (not the inspected part); other fields' after transformation
      if (body.FieldToMatch?.Body) return (request) => compare(request.body.length, size);
      return fieldPredicate(body, (value) => compare(value.length, size));
    }
    case 'IPSetReferenceStatement': {
      const id = ipSetId(body.ARN);
      const set = ipSets.get(id);
      if (!set) log(`web ACL rule names IP set ${body.ARN}, which does not exist: it matches no address`);
      // one BlockList per set however often rules name it, and one check per set and request (a check scans it)
      let list = ipSetLists.get(id);
      if (list === undefined) {
        list = compileIpSet(set);
        ipSetLists.set(id, list);
      }
      const blockList = list;
      const family = set?.ipAddressVersion === 'IPV6' ? 'ipv6' : 'ipv4';
      return (request) => {
        const seen = request.ipSetMatches.get(id);
        if (seen !== undefined) return seen;
        const matched =
          net.isIP(request.sourceIp) === (family === 'ipv6' ? 6 : 4) && blockList.check(request.sourceIp, family);
        request.ipSetMatches.set(id, matched);
        return matched;
      };
    }
    case 'AndStatement': {
      const parts = (body.Statements as Json[]).map((s) => compileStatement(s, ipSets, log, ipSetLists));
      return (request) => parts.every((part) => part(request));
    }
    case 'OrStatement': {
      const parts = (body.Statements as Json[]).map((s) => compileStatement(s, ipSets, log, ipSetLists));
      return (request) => parts.some((part) => part(request));
    }
    case 'NotStatement': {
      const inner = compileStatement(body.Statement, ipSets, log, ipSetLists);
      return (request) => !inner(request);
    }
    default:
      throw new Error(`unsupported statement ${kind}`);
  }
}

function compileAction(action: Json, bodies: Json): WafVerdict | 'COUNT' {
  if (action.Count) return 'COUNT';
  if (action.Allow) return { action: 'ALLOW' };
  const custom = action.Block?.CustomResponse as Json | undefined;
  if (!custom) return { action: 'BLOCK' };
  const headers: Record<string, string> = {};
  for (const header of (custom.ResponseHeaders ?? []) as Json[]) headers[`x-amzn-waf-${header.Name}`] = header.Value;
  const body = custom.CustomResponseBodyKey === undefined ? undefined : bodies[custom.CustomResponseBodyKey];
  return {
    action: 'BLOCK',
    response: {
      status: custom.ResponseCode,
      headers,
      body: body && {
        contentType: CONTENT_TYPES[body.ContentType as keyof typeof CONTENT_TYPES] ?? 'text/plain',
        content: body.Content,
      },
    },
  };
}

/** Compiles a stored web ACL (checked by checkWebAclDefinition when it was written). */
export function compileWebAcl(
  source: WebAclSource,
  ipSets: ReadonlyMap<string, IpSetContents>,
  log: (message: string) => void = () => {},
): CompiledWebAcl {
  const bodies = (source.customResponseBodies ?? {}) as Json;
  const ipSetLists = new Map<string, net.BlockList>();
  const rules = [...((source.rules ?? []) as Json[])]
    .sort((a, b) => a.Priority - b.Priority)
    .map((rule) => ({
      matches: compileStatement(rule.Statement, ipSets, log, ipSetLists),
      action: compileAction(rule.Action, bodies),
    }));
  const fallback = compileAction(source.defaultAction as Json, bodies) as WafVerdict;
  return {
    arn: source.arn,
    evaluate(request) {
      for (const rule of rules) {
        // a Count rule only counts (Portico publishes no WAF metrics or labels): nothing to evaluate
        if (rule.action !== 'COUNT' && rule.matches(request)) return rule.action;
      }
      return fallback;
    },
  };
}
