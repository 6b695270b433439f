// A Lambda authorizer's answer (§5.5): `principalId`, a `policyDocument` of execute-api:Invoke statements, an optional
// `context` of strings, numbers and booleans, and an optional `usageIdentifierKey` (the API key when the API's key
// source is AUTHORIZER). Read once per authorizer call; the policy is then evaluated against each request's method
// ARN — also from the cache, so a narrow policy cached for one path refuses another, as in AWS. `*` in a resource
// matches across `/`. Anything else in the answer makes it invalid (AWS: AUTHORIZER_CONFIGURATION_ERROR).
import { globMatch, type PolicyDecision } from '../policy/resource-policy';

export interface AuthorizerOutput {
  principalId: string;
  /** the policy document as the function returned it (TestInvokeAuthorizer shows it) */
  policyDocument: unknown;
  /** the context's values as text: AWS hands them on as strings (`$context.authorizer.x`, the proxy event) */
  context: Record<string, string>;
  usageIdentifierKey?: string;
  evaluate(methodArn: string): PolicyDecision;
}

export class InvalidAuthorizerOutput extends Error {}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

interface Statement {
  allow: boolean;
  actions: string[];
  resources: string[];
}

function statement(raw: unknown): Statement {
  if (raw === null || typeof raw !== 'object') throw new InvalidAuthorizerOutput('a statement is not an object');
  const s = raw as Record<string, unknown>;
  if (s.Effect !== 'Allow' && s.Effect !== 'Deny') throw new InvalidAuthorizerOutput(`Effect ${String(s.Effect)}`);
  const actions = list(s.Action);
  const resources = list(s.Resource);
  if (![...actions, ...resources].every((v) => typeof v === 'string') || resources.length === 0) {
    throw new InvalidAuthorizerOutput('Action and Resource must be strings or lists of strings');
  }
  return { allow: s.Effect === 'Allow', actions: actions as string[], resources: resources as string[] };
}

export function readAuthorizerOutput(payload: string): AuthorizerOutput {
  let answer: unknown;
  try {
    answer = JSON.parse(payload);
  } catch {
    throw new InvalidAuthorizerOutput('not JSON');
  }
  if (answer === null || typeof answer !== 'object') throw new InvalidAuthorizerOutput('not an object');
  const fields = answer as Record<string, unknown>;
  if (typeof fields.principalId !== 'string' && typeof fields.principalId !== 'number') {
    throw new InvalidAuthorizerOutput('principalId is missing');
  }
  const document = fields.policyDocument as Record<string, unknown> | undefined;
  if (document === null || typeof document !== 'object') throw new InvalidAuthorizerOutput('policyDocument is missing');
  const statements = list(document.Statement).map(statement);
  const context: Record<string, string> = Object.create(null);
  if (fields.context !== undefined && fields.context !== null) {
    if (typeof fields.context !== 'object' || Array.isArray(fields.context))
      throw new InvalidAuthorizerOutput('context');
    for (const [key, value] of Object.entries(fields.context)) {
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
        throw new InvalidAuthorizerOutput(`context.${key} is not a string, number or boolean`);
      }
      context[key] = String(value);
    }
  }
  const invokes = (s: Statement) => s.actions.some((action) => globMatch(action, 'execute-api:Invoke', true));
  return {
    principalId: String(fields.principalId),
    policyDocument: document,
    context,
    ...(typeof fields.usageIdentifierKey === 'string' && { usageIdentifierKey: fields.usageIdentifierKey }),
    evaluate(methodArn) {
      let allowed = false;
      for (const s of statements) {
        if (!invokes(s) || !s.resources.some((resource) => globMatch(resource, methodArn))) continue;
        if (!s.allow) return 'deny';
        allowed = true;
      }
      return allowed ? 'allow' : 'implicit';
    },
  };
}
