// API resource policies (AWS: "API Gateway resource policies"): IAM policy documents on the API, deployed with it,
// evaluated per request against `execute-api:Invoke` on the method ARN
// `arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{METHOD}/{path}`. An explicit Deny wins; otherwise a
// matching Allow allows; otherwise the request is implicitly denied. Supported: Principal `*` / `{"AWS": …}` (account
// ids, account roots, user ARNs), Action / NotAction, Resource / NotResource with `*` and `?` wildcards and AWS's
// `execute-api:/…` shorthand, and the condition operators String*, IpAddress / NotIpAddress, Bool and Null (with
// `…IfExists`) over aws:SourceIp, aws:PrincipalAccount, aws:PrincipalArn, aws:username, aws:userid (aws:SourceVpc
// and aws:SourceVpce are never present here). A statement Portico cannot evaluate fails closed: an Allow it cannot
// read does not allow, a Deny it cannot read denies. Pure: no I/O.
import { BlockList, isIP } from 'node:net';

export type PolicyDecision = 'allow' | 'deny' | 'implicit';

export interface PolicyRequest {
  /** the method ARN of this request */
  methodArn: string;
  sourceIp: string;
  /** the verified IAM caller; absent for anonymous callers */
  principal?: { accountId: string; userArn: string; userId: string; userName: string };
}

export interface ResourcePolicy {
  evaluate(request: PolicyRequest): PolicyDecision;
}

interface ApiIdentity {
  region: string;
  accountId: string;
  restApiId: string;
}

type Matcher = (request: PolicyRequest) => boolean | 'unknown';

interface CompiledStatement {
  effect: 'Allow' | 'Deny';
  applies: Matcher;
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

/**
 * IAM wildcards: `*` any run of characters (across `/`), `?` any one character. Matched in O(pattern × text) at
 * worst, without regular expressions: a policy with many `*` cannot make a request backtrack for long.
 */
export function globMatch(pattern: string, text: string, ignoreCase = false): boolean {
  const p = ignoreCase ? pattern.toLowerCase() : pattern;
  const t = ignoreCase ? text.toLowerCase() : text;
  let pi = 0;
  let ti = 0;
  let star = -1;
  let resume = 0;
  while (ti < t.length) {
    if (pi < p.length && (p[pi] === '?' || p[pi] === t[ti])) {
      pi += 1;
      ti += 1;
    } else if (pi < p.length && p[pi] === '*') {
      star = pi;
      resume = ti;
      pi += 1;
    } else if (star !== -1) {
      pi = star + 1;
      resume += 1;
      ti = resume;
    } else return false;
  }
  while (pi < p.length && p[pi] === '*') pi += 1;
  return pi === p.length;
}

function principalMatcher(principal: unknown): Matcher {
  if (principal === '*') return () => true;
  if (typeof principal !== 'object' || principal === null) return () => 'unknown';
  const aws = (principal as Record<string, unknown>).AWS;
  if (aws === undefined) return () => false; // Service / Federated principals never call an API directly
  const entries = list(aws).map(String);
  if (entries.includes('*')) return () => true;
  return (request) => {
    const caller = request.principal;
    if (!caller) return false;
    return entries.some(
      (entry) =>
        entry === caller.accountId || entry === `arn:aws:iam::${caller.accountId}:root` || entry === caller.userArn,
    );
  };
}

function stringListMatcher(values: unknown, subject: (request: PolicyRequest) => string, api: ApiIdentity): Matcher {
  const patterns = list(values).map((value) => {
    const text = String(value);
    // AWS's shorthand for this API's own ARNs: execute-api:/{stage}/{METHOD}/{path}
    const full = text.startsWith('execute-api:/')
      ? `arn:aws:execute-api:${api.region}:${api.accountId}:${api.restApiId}/${text.slice('execute-api:/'.length)}`
      : text;
    return full;
  });
  return (request) => {
    const value = subject(request);
    return patterns.some((pattern) => globMatch(pattern, value));
  };
}

function conditionValue(key: string, request: PolicyRequest): string | undefined {
  switch (key.toLowerCase()) {
    case 'aws:sourceip':
      return request.sourceIp;
    case 'aws:principalaccount':
      return request.principal?.accountId;
    case 'aws:principalarn':
      return request.principal?.userArn;
    case 'aws:username':
      return request.principal?.userName;
    case 'aws:userid':
      return request.principal?.userId;
    default:
      return undefined; // aws:SourceVpc, aws:SourceVpce, …: never present on this gateway
  }
}

function ipBlocks(values: unknown[]): BlockList | undefined {
  const blocks = new BlockList();
  for (const value of values) {
    const [address, bits] = String(value).split('/');
    const family = isIP(address ?? '');
    if (family === 0) return undefined;
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (bits === undefined) blocks.addAddress(address as string, type);
    else blocks.addSubnet(address as string, Number(bits), type);
  }
  return blocks;
}

function operatorTest(operator: string, values: unknown[]): ((actual: string) => boolean) | undefined {
  const strings = values.map(String);
  switch (operator) {
    case 'StringEquals':
      return (actual) => strings.includes(actual);
    case 'StringNotEquals':
      return (actual) => !strings.includes(actual);
    case 'StringEqualsIgnoreCase':
      return (actual) => strings.some((s) => s.toLowerCase() === actual.toLowerCase());
    case 'StringNotEqualsIgnoreCase':
      return (actual) => !strings.some((s) => s.toLowerCase() === actual.toLowerCase());
    case 'StringLike':
      return (actual) => strings.some((s) => globMatch(s, actual));
    case 'StringNotLike':
      return (actual) => !strings.some((s) => globMatch(s, actual));
    case 'Bool':
      return (actual) => strings.some((s) => s.toLowerCase() === actual.toLowerCase());
    case 'IpAddress':
    case 'NotIpAddress': {
      const blocks = ipBlocks(values);
      if (!blocks) return undefined;
      const negate = operator === 'NotIpAddress';
      return (actual) => {
        const family = isIP(actual);
        if (family === 0) return negate;
        return blocks.check(actual, family === 4 ? 'ipv4' : 'ipv6') !== negate;
      };
    }
    default:
      return undefined;
  }
}

/** Negated operators hold when the key is absent (IAM), as does any `…IfExists` operator. */
const NEGATED = new Set(['StringNotEquals', 'StringNotEqualsIgnoreCase', 'StringNotLike', 'NotIpAddress']);

function conditionMatcher(condition: unknown): Matcher {
  if (condition === undefined) return () => true;
  if (typeof condition !== 'object' || condition === null) return () => 'unknown';
  const checks: Matcher[] = [];
  for (const [rawOperator, keys] of Object.entries(condition as Record<string, unknown>)) {
    const ifExists = rawOperator.endsWith('IfExists');
    const operator = ifExists ? rawOperator.slice(0, -'IfExists'.length) : rawOperator;
    if (typeof keys !== 'object' || keys === null) return () => 'unknown';
    for (const [key, values] of Object.entries(keys as Record<string, unknown>)) {
      if (operator === 'Null') {
        const wantsAbsent = list(values).map(String).includes('true');
        checks.push((request) => (conditionValue(key, request) === undefined) === wantsAbsent);
        continue;
      }
      const test = operatorTest(operator, list(values));
      if (!test) return () => 'unknown';
      checks.push((request) => {
        const actual = conditionValue(key, request);
        if (actual === undefined) return ifExists || NEGATED.has(operator);
        return test(actual);
      });
    }
  }
  return (request) => checks.every((check) => check(request) === true);
}

function compileStatement(raw: unknown, api: ApiIdentity): CompiledStatement {
  const statement = (raw ?? {}) as Record<string, unknown>;
  const effect = statement.Effect === 'Deny' ? 'Deny' : 'Allow';
  if (statement.Effect !== 'Allow' && statement.Effect !== 'Deny') return { effect, applies: () => 'unknown' };
  const matchers: Matcher[] = [];
  if ('NotPrincipal' in statement) return { effect, applies: () => 'unknown' };
  matchers.push(principalMatcher(statement.Principal));
  // The one action a request to an API is: execute-api:Invoke (actions match case-insensitively).
  const invokes = (actions: unknown) => list(actions).some((a) => globMatch(String(a), 'execute-api:Invoke', true));
  if ('Action' in statement) {
    const matches = invokes(statement.Action);
    matchers.push(() => matches);
  } else if ('NotAction' in statement) {
    const matches = !invokes(statement.NotAction);
    matchers.push(() => matches);
  } else return { effect, applies: () => 'unknown' };
  if ('Resource' in statement) matchers.push(stringListMatcher(statement.Resource, (r) => r.methodArn, api));
  else if ('NotResource' in statement) {
    const inner = stringListMatcher(statement.NotResource, (r) => r.methodArn, api);
    matchers.push((request) => !inner(request));
  } else return { effect, applies: () => 'unknown' };
  matchers.push(conditionMatcher(statement.Condition));
  return {
    effect,
    applies: (request) => {
      let unknown = false;
      for (const matcher of matchers) {
        const result = matcher(request);
        if (result === false) return false;
        if (result === 'unknown') unknown = true;
      }
      return unknown ? 'unknown' : true;
    },
  };
}

/** Compiles the policy document once per deployment. A document that does not parse denies everything. */
export function compileResourcePolicy(document: string, api: ApiIdentity): ResourcePolicy {
  let parsed: { Statement?: unknown };
  try {
    parsed = JSON.parse(document);
  } catch {
    return { evaluate: () => 'deny' };
  }
  const statements = list(parsed?.Statement ?? []).map((s) => compileStatement(s, api));
  return {
    evaluate(request) {
      let allowed = false;
      for (const statement of statements) {
        const applies = statement.applies(request);
        // Fail closed: a Deny that may apply denies; an Allow that may apply does not allow.
        if (statement.effect === 'Deny' && applies !== false) return 'deny';
        if (statement.effect === 'Allow' && applies === true) allowed = true;
      }
      return allowed ? 'allow' : 'implicit';
    },
  };
}

/** `arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{METHOD}/{path without its leading slash}` */
export function methodArn(api: ApiIdentity, stage: string, method: string, path: string): string {
  return `arn:aws:execute-api:${api.region}:${api.accountId}:${api.restApiId}/${stage}/${method}/${path.replace(/^\//, '')}`;
}
