// A web ACL's definition as AWS WAFv2's API shapes it (DefaultAction, Rules, CustomResponseBodies), checked before
// it is stored: what Portico's gateway can evaluate, or a WAFInvalidParameterException naming the field, the
// parameter and the reason, as WAF's do. Also the capacity the rules use, in WAF capacity units (WCUs), by WAF's
// published costs. The gateway compiles the same shapes (compile-web-acl.ts).

/** WAFInvalidParameterException's members: what is wrong (`reason`), where (`field`, one of WAF's
 * ParameterExceptionField values) and the offending `parameter`. */
export class WafDefinitionError extends Error {
  constructor(
    readonly field: string,
    readonly parameter: string,
    readonly reason: string,
  ) {
    super(`Error reason: ${reason}, field: ${field}, parameter: ${parameter}`);
  }
}

export interface WebAclDefinition {
  DefaultAction: unknown;
  Rules?: unknown;
  CustomResponseBodies?: unknown;
}

/** WAF's limit for one web ACL */
export const MAX_WEB_ACL_CAPACITY = 5000;

export const SUPPORTED_TRANSFORMATIONS = [
  'NONE',
  'LOWERCASE',
  'URL_DECODE',
  'COMPRESS_WHITE_SPACE',
  'BASE64_DECODE',
  'HEX_DECODE',
  'REMOVE_NULLS',
  'NORMALIZE_PATH',
] as const;
export const POSITIONAL_CONSTRAINTS = ['EXACTLY', 'STARTS_WITH', 'ENDS_WITH', 'CONTAINS', 'CONTAINS_WORD'] as const;
export const COMPARISON_OPERATORS = ['EQ', 'NE', 'LE', 'LT', 'GE', 'GT'] as const;
export const CONTENT_TYPES = { TEXT_PLAIN: 'text/plain', TEXT_HTML: 'text/html', APPLICATION_JSON: 'application/json' };

/** Statements WAF has that Portico's gateway does not evaluate (refused rather than ignored). */
const UNSUPPORTED_STATEMENTS: Record<string, string> = {
  GeoMatchStatement: 'GEO_MATCH_STATEMENT',
  RateBasedStatement: 'RATE_BASED_STATEMENT',
  RegexMatchStatement: 'STATEMENT',
  RegexPatternSetReferenceStatement: 'REGEX_PATTERN_REFERENCE_STATEMENT',
  SqliMatchStatement: 'SQLI_MATCH_STATEMENT',
  XssMatchStatement: 'XSS_MATCH_STATEMENT',
  LabelMatchStatement: 'LABEL_MATCH_STATEMENT',
  ManagedRuleGroupStatement: 'MANAGED_RULE_SET_STATEMENT',
  RuleGroupReferenceStatement: 'RULE_GROUP_REFERENCE_STATEMENT',
  AsnMatchStatement: 'STATEMENT',
};

const FIELDS_TO_MATCH = [
  'UriPath',
  'QueryString',
  'Method',
  'SingleHeader',
  'SingleQueryArgument',
  'AllQueryArguments',
  'Body',
];

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function invalid(
  field: string,
  parameter: unknown,
  reason = 'The parameter contains formatting that is not valid.',
): never {
  throw new WafDefinitionError(
    field,
    typeof parameter === 'string' ? parameter : JSON.stringify(parameter ?? null),
    reason,
  );
}

/** The one member an AWS union (`{ Block: {} }`, a statement, a field to match) sets. */
function onlyMember(value: unknown, field: string): [string, unknown] {
  if (!isObject(value)) invalid(field, value);
  const set = Object.entries(value).filter(([, v]) => v !== undefined && v !== null);
  if (set.length !== 1) invalid(field, Object.keys(value).join(','), 'You have used more than one parameter or none.');
  return set[0] as [string, unknown];
}

export function decodeSearchString(value: unknown): Buffer {
  if (typeof value !== 'string' || value === '') invalid('BYTE_MATCH_STATEMENT', value);
  const bytes = Buffer.from(value, 'base64');
  if (bytes.length === 0 || bytes.length > 200) {
    invalid('BYTE_MATCH_STATEMENT', value, 'The search string must be 1 to 200 bytes long.');
  }
  return bytes;
}

function checkFieldToMatch(value: unknown): number {
  const [kind, options] = onlyMember(value, 'FIELD_TO_MATCH');
  if (!FIELDS_TO_MATCH.includes(kind)) {
    invalid('FIELD_TO_MATCH', kind, `Portico's WAF inspects only ${FIELDS_TO_MATCH.join(', ')}.`);
  }
  if (kind === 'SingleHeader' || kind === 'SingleQueryArgument') {
    const name = isObject(options) ? options.Name : undefined;
    if (typeof name !== 'string' || name === '' || name.length > 64) {
      invalid(kind === 'SingleHeader' ? 'SINGLE_HEADER' : 'SINGLE_QUERY_ARGUMENT', name);
    }
  }
  if (kind === 'Body' && isObject(options) && options.OversizeHandling !== undefined) {
    if (!['CONTINUE', 'MATCH', 'NO_MATCH'].includes(String(options.OversizeHandling))) {
      invalid('OVERSIZE_HANDLING', options.OversizeHandling);
    }
  }
  return kind === 'AllQueryArguments' ? 10 : 0;
}

function checkTransformations(value: unknown): number {
  if (!Array.isArray(value) || value.length === 0 || value.length > 10) invalid('TEXT_TRANSFORMATION', value);
  const priorities = new Set<number>();
  let cost = 0;
  for (const t of value) {
    if (!isObject(t) || !Number.isInteger(t.Priority) || (t.Priority as number) < 0) invalid('TEXT_TRANSFORMATION', t);
    if (priorities.has(t.Priority as number)) {
      invalid('TEXT_TRANSFORMATION', String(t.Priority), 'Text transformation priorities must be unique.');
    }
    priorities.add(t.Priority as number);
    if (!(SUPPORTED_TRANSFORMATIONS as readonly unknown[]).includes(t.Type)) {
      invalid('TEXT_TRANSFORMATION', t.Type, `Portico's WAF supports ${SUPPORTED_TRANSFORMATIONS.join(', ')}.`);
    }
    if (t.Type !== 'NONE') cost += 10;
  }
  return cost;
}

/** A statement's cost in WCUs; the IP sets it names go into `ipSets`. */
function checkStatement(value: unknown, ipSets: Set<string>, depth: number): number {
  if (depth > 10) invalid('STATEMENT', 'nesting', 'Statements are nested too deeply.');
  const [kind, body] = onlyMember(value, 'STATEMENT');
  const unsupported = UNSUPPORTED_STATEMENTS[kind];
  if (unsupported) invalid(unsupported, kind, `Portico's WAF does not evaluate ${kind}.`);
  if (!isObject(body)) invalid('STATEMENT', kind);
  switch (kind) {
    case 'ByteMatchStatement': {
      decodeSearchString(body.SearchString);
      const position = body.PositionalConstraint;
      if (!(POSITIONAL_CONSTRAINTS as readonly unknown[]).includes(position)) invalid('POSITION', position);
      const base = position === 'CONTAINS' || position === 'CONTAINS_WORD' ? 10 : 2;
      return base + checkFieldToMatch(body.FieldToMatch) + checkTransformations(body.TextTransformations);
    }
    case 'SizeConstraintStatement': {
      if (!(COMPARISON_OPERATORS as readonly unknown[]).includes(body.ComparisonOperator)) {
        invalid('SIZE_CONSTRAINT_STATEMENT', body.ComparisonOperator);
      }
      const size = body.Size;
      if (typeof size !== 'number' || !Number.isInteger(size) || size < 0 || size > 21474836480) {
        invalid('SIZE_CONSTRAINT_STATEMENT', size);
      }
      return 1 + checkFieldToMatch(body.FieldToMatch) + checkTransformations(body.TextTransformations);
    }
    case 'IPSetReferenceStatement': {
      if (typeof body.ARN !== 'string' || !body.ARN.includes(':regional/ipset/')) {
        invalid('IP_SET_REFERENCE_STATEMENT', body.ARN);
      }
      if (body.IPSetForwardedIPConfig !== undefined) {
        invalid(
          'IP_SET_FORWARDED_IP_CONFIG',
          'IPSetForwardedIPConfig',
          "Portico's WAF matches the caller's own address only.",
        );
      }
      ipSets.add(body.ARN);
      return 1;
    }
    case 'AndStatement':
    case 'OrStatement': {
      const field = kind === 'AndStatement' ? 'AND_STATEMENT' : 'OR_STATEMENT';
      if (!Array.isArray(body.Statements) || body.Statements.length < 2) {
        invalid(field, 'Statements', 'A logical statement needs at least two statements.');
      }
      return body.Statements.reduce((sum: number, s) => sum + checkStatement(s, ipSets, depth + 1), 0);
    }
    case 'NotStatement':
      return checkStatement(body.Statement, ipSets, depth + 1);
    default:
      return invalid('STATEMENT', kind, 'Unknown statement.');
  }
}

function checkCustomResponse(value: unknown, bodies: Json): void {
  if (value === undefined) return;
  if (!isObject(value)) invalid('CUSTOM_RESPONSE', value);
  const code = value.ResponseCode;
  if (typeof code !== 'number' || !Number.isInteger(code) || code < 200 || code > 599) {
    invalid('CUSTOM_RESPONSE', code, 'The response code must be from 200 to 599.');
  }
  if (value.CustomResponseBodyKey !== undefined && !Object.hasOwn(bodies, String(value.CustomResponseBodyKey))) {
    invalid('CUSTOM_RESPONSE_BODY', value.CustomResponseBodyKey, 'No custom response body has this key.');
  }
  if (value.ResponseHeaders !== undefined) {
    if (!Array.isArray(value.ResponseHeaders)) invalid('CUSTOM_RESPONSE', 'ResponseHeaders');
    for (const header of value.ResponseHeaders) {
      if (!isObject(header) || typeof header.Name !== 'string' || !/^[a-zA-Z0-9._$-]{1,64}$/.test(header.Name)) {
        invalid('HEADER_NAME', header);
      }
      if (typeof header.Value !== 'string' || header.Value.length > 255 || !/^[\x20-\x7e]*$/.test(header.Value)) {
        invalid('CUSTOM_RESPONSE', header.Value);
      }
    }
  }
}

/** `{ Block: {...} }` or `{ Allow: {} }` (and `{ Count: {} }` for a rule). */
function checkAction(value: unknown, field: string, bodies: Json, allowCount: boolean): void {
  const [kind, options] = onlyMember(value, field);
  if (kind === 'Block') {
    checkCustomResponse(isObject(options) ? options.CustomResponse : undefined, bodies);
  } else if (kind === 'Allow' || (kind === 'Count' && allowCount)) {
    if (isObject(options) && options.CustomRequestHandling !== undefined) {
      invalid('CUSTOM_REQUEST_HANDLING', 'CustomRequestHandling', "Portico's WAF does not insert request headers.");
    }
  } else {
    invalid(field, kind, `Portico's WAF takes Allow, Block${allowCount ? ' or Count' : ''} here.`);
  }
}

function checkBodies(value: unknown): Json {
  if (value === undefined || value === null) return {};
  if (!isObject(value)) invalid('CUSTOM_RESPONSE_BODY', value);
  for (const [key, body] of Object.entries(value)) {
    if (!/^[\w-]{1,128}$/.test(key)) invalid('CUSTOM_RESPONSE_BODY', key);
    if (!isObject(body) || !Object.hasOwn(CONTENT_TYPES, String(body.ContentType))) {
      invalid('RESPONSE_CONTENT_TYPE', isObject(body) ? body.ContentType : body);
    }
    if (typeof body.Content !== 'string' || body.Content.length === 0 || Buffer.byteLength(body.Content) > 4096) {
      invalid('CUSTOM_RESPONSE_BODY', key, 'The content must be 1 to 4096 bytes long.');
    }
    if (body.ContentType === 'APPLICATION_JSON') {
      try {
        JSON.parse(body.Content);
      } catch {
        invalid('CUSTOM_RESPONSE_BODY', key, 'The content is not valid JSON.');
      }
    }
  }
  return value;
}

/** Checks a definition; its capacity in WCUs and the ARNs of the IP sets its rules reference. */
export function checkWebAclDefinition(def: WebAclDefinition): { capacity: number; ipSetArns: string[] } {
  const bodies = checkBodies(def.CustomResponseBodies);
  checkAction(def.DefaultAction, 'DEFAULT_ACTION', bodies, false);
  const rules = def.Rules ?? [];
  if (!Array.isArray(rules)) invalid('RULE', rules);
  const names = new Set<string>();
  const priorities = new Set<number>();
  const ipSets = new Set<string>();
  let capacity = 0;
  for (const rule of rules) {
    if (!isObject(rule)) invalid('RULE', rule);
    if (typeof rule.Name !== 'string' || !/^[\w-]{1,128}$/.test(rule.Name)) invalid('RULE', rule.Name);
    if (names.has(rule.Name)) invalid('RULE', rule.Name, 'A rule name is used twice.');
    names.add(rule.Name);
    if (!Number.isInteger(rule.Priority) || (rule.Priority as number) < 0) invalid('RULE', rule.Priority);
    if (priorities.has(rule.Priority as number))
      invalid('RULE', String(rule.Priority), 'A rule priority is used twice.');
    priorities.add(rule.Priority as number);
    if (rule.OverrideAction !== undefined) {
      invalid('OVERRIDE_ACTION', rule.Name, 'OverrideAction applies to rule groups only.');
    }
    checkAction(rule.Action, 'RULE_ACTION', bodies, true);
    capacity += checkStatement(rule.Statement, ipSets, 0);
  }
  if (capacity > MAX_WEB_ACL_CAPACITY) {
    invalid('WEB_ACL', String(capacity), `The rules use more than ${MAX_WEB_ACL_CAPACITY} WCUs.`);
  }
  return { capacity, ipSetArns: [...ipSets] };
}
