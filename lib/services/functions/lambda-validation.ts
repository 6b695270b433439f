// Lambda's input validation: a zod schema per operation whose constraint messages are Smithy's ("Member must have
// value less than or equal to 900"), failing with AWS's ValidationException text — `1 validation error detected:
// Value '1000' at 'timeout' failed to satisfy constraint: …` — with members named as AWS names them (camelCase).
// The environment is sensitive: its values never appear in a message.
import { z } from 'zod';
import { ServiceError } from '../errors';
import { withoutNulls } from '../json-nulls';
import { validationError, violation } from './lambda-errors';

const SENSITIVE = new Set(['environment']);

const memberPath = (path: readonly PropertyKey[]) =>
  path.map((key) => (typeof key === 'string' ? key.charAt(0).toLowerCase() + key.slice(1) : String(key))).join('.');

const article = (expected: string) =>
  expected === 'int' ? 'an integer' : /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;

export function parseLambdaInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(withoutNulls(input ?? {}), { reportInput: true });
  if (result.success) return result.data;
  const violations: string[] = [];
  for (const issue of result.error.issues) {
    const member = memberPath(issue.path);
    const value = (issue as { input?: unknown }).input;
    if (issue.code === 'invalid_type' && value !== undefined) {
      // (?) AWS fails such a body while reading it, before any constraint is checked
      throw new ServiceError(
        'InvalidRequestContentException',
        `Could not parse request body into json: '${member || 'body'}' must be ${article(issue.expected)}`,
      );
    }
    const constraint = issue.code === 'invalid_type' ? 'Member must not be null' : issue.message;
    violations.push(violation(member, value, constraint, SENSITIVE.has(member.split('.')[0] ?? '')));
  }
  throw validationError(violations);
}

// Smithy's constraint messages, for the schemas.
export const between = (min: number, max: number) =>
  z
    .number()
    .int()
    .min(min, `Member must have value greater than or equal to ${min}`)
    .max(max, `Member must have value less than or equal to ${max}`);

export const text = (maxLength: number, pattern?: { regex: RegExp; source: string }) => {
  const base = z.string().max(maxLength, `Member must have length less than or equal to ${maxLength}`);
  return pattern
    ? base.regex(pattern.regex, `Member must satisfy regular expression pattern: ${pattern.source}`)
    : base;
};

export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `Member must satisfy enum value set: [${values.join(', ')}]` });
