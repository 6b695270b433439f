// WAFv2's input validation: a zod schema per operation whose constraint messages are Smithy's, failing as AWS does —
// `ValidationException: 1 validation error detected: Value 'a b' at 'name' failed to satisfy constraint: Member must
// satisfy regular expression pattern: ^[\w\-]+$` — with members named as AWS's JSON services name them (first letter
// lowercased; list items as `rules.1.member.name`). A member of the wrong JSON type is a SerializationException.
import { z } from 'zod';
import { ServiceError } from '../errors';
import { withoutNulls } from '../json-nulls';

const memberPath = (path: readonly PropertyKey[]) =>
  path
    .map((key) =>
      typeof key === 'number' ? `${key + 1}.member` : String(key).charAt(0).toLowerCase() + String(key).slice(1),
    )
    .join('.');

const shown = (value: unknown) =>
  value === undefined
    ? 'null'
    : `'${Array.isArray(value) ? `[${value.map(String).join(', ')}]` : typeof value === 'object' ? JSON.stringify(value) : String(value)}'`;

export function validationError(violations: readonly string[]): ServiceError {
  const count = violations.length;
  return new ServiceError(
    'ValidationException',
    `${count} validation error${count === 1 ? '' : 's'} detected: ${violations.join('; ')}`,
  );
}

export function parseWafInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new ServiceError('SerializationException', 'The request body must be a JSON object'); // Portico's wording
  }
  const result = schema.safeParse(withoutNulls(input), { reportInput: true });
  if (result.success) return result.data;
  const violations = new Map<string, string>(); // one per member, as AWS reports them
  for (const issue of result.error.issues) {
    const member = memberPath(issue.path);
    const value = (issue as { input?: unknown }).input;
    if (issue.code === 'invalid_type' && value !== undefined) {
      // AWS fails such a body while reading it, before any constraint is checked; its wording varies (Portico's)
      throw new ServiceError('SerializationException', `Cannot read '${member}': expected ${issue.expected}`);
    }
    const constraint = issue.code === 'invalid_type' ? 'Member must not be null' : issue.message;
    if (!violations.has(member)) {
      violations.set(member, `Value ${shown(value)} at '${member}' failed to satisfy constraint: ${constraint}`);
    }
  }
  throw validationError([...violations.values()]);
}

// Smithy's constraint messages, for WAFv2's shapes.
const minLength = (n: number) => `Member must have length greater than or equal to ${n}`;
const maxLength = (n: number) => `Member must have length less than or equal to ${n}`;
const pattern = (source: string) => `Member must satisfy regular expression pattern: ${source}`;

function text(min: number, max: number, regex: RegExp, source: string) {
  return z.string().min(min, minLength(min)).max(max, maxLength(max)).regex(regex, pattern(source));
}

export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `Member must satisfy enum value set: [${values.join(', ')}]` });

const NOT_BLANK = /^.*\S.*$/;
const UUID = /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/;

export const entityName = text(1, 128, /^[\w-]+$/, '^[\\w\\-]+$');
export const entityId = text(1, 36, UUID, '^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$');
export const lockToken = entityId;
export const entityDescription = text(
  1,
  256,
  /^[\w+=:#@/\-,.][\w+=:#@/\-,.\s]+[\w+=:#@/\-,.]$/,
  '^[\\w+=:#@/\\-,\\.][\\w+=:#@/\\-,\\.\\s]+[\\w+=:#@/\\-,\\.]$',
);
export const resourceArn = text(20, 2048, NOT_BLANK, '.*\\S.*');
export const nextMarker = text(1, 256, NOT_BLANK, '.*\\S.*');
export const ipAddress = text(1, 50, NOT_BLANK, '.*\\S.*');
export const metricName = text(1, 255, /^[\w#:.\-/]+$/, '^[\\w#:\\.\\-/]+$');
export const paginationLimit = z
  .number()
  .int()
  .min(1, 'Member must have value greater than or equal to 1')
  .max(100, 'Member must have value less than or equal to 100');

export const scope = oneOf(['CLOUDFRONT', 'REGIONAL']);
export const ipAddressVersion = oneOf(['IPV4', 'IPV6']);
export const resourceType = oneOf([
  'APPLICATION_LOAD_BALANCER',
  'API_GATEWAY',
  'APPSYNC',
  'COGNITO_USER_POOL',
  'APP_RUNNER_SERVICE',
  'VERIFIED_ACCESS_INSTANCE',
  'AMPLIFY',
  'AGENTCORE_GATEWAY',
]);

export const visibilityConfig = z.object({
  SampledRequestsEnabled: z.boolean(),
  CloudWatchMetricsEnabled: z.boolean(),
  MetricName: metricName,
});

export type VisibilityConfig = z.infer<typeof visibilityConfig>;
