// An API's resource policy as it is stored: a JSON policy document (AWS refuses anything else, with this message).
import { badRequest } from '../errors';

const INVALID = 'Invalid policy document. Please check the policy syntax and ensure that Principals are valid.';

export function checkPolicyDocument(policy: string | null | undefined): void {
  if (policy === null || policy === undefined || policy === '') return;
  let parsed: unknown;
  try {
    parsed = JSON.parse(policy);
  } catch {
    throw badRequest(INVALID);
  }
  const statements = (parsed as { Statement?: unknown } | null)?.Statement;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || statements === undefined) {
    throw badRequest(INVALID);
  }
  for (const statement of Array.isArray(statements) ? statements : [statements]) {
    const effect = (statement as { Effect?: unknown } | null)?.Effect;
    if (effect !== 'Allow' && effect !== 'Deny') throw badRequest(INVALID);
  }
}
