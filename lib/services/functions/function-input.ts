// The settings a function is created or configured with, checked as Lambda checks them: Smithy's constraints
// (ValidationException, through parseLambdaInput) and then Lambda's own rules (InvalidParameterValueException).

import { z } from 'zod';
import { isLoaderVariable } from '../../functions/loader-variables';
import { invalidParameter, validationError, violation } from './lambda-errors';
import { between, oneOf, text } from './lambda-validation';

/** Every runtime runs on the host's Node.js; Lambda's other runtimes are refused. */
export const RUNTIMES = ['nodejs18.x', 'nodejs20.x', 'nodejs22.x'] as const;

const ROLE = {
  source: 'arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+',
  regex: /^arn:(aws[a-zA-Z-]*)?:iam::\d{12}:role\/?[a-zA-Z_0-9+=,.@\-_/]+$/,
};
const HANDLER = { source: '[^\\s]+', regex: /^[^\s]+$/ };

/** The settings CreateFunction and UpdateFunctionConfiguration share, as Lambda's members. */
export const functionSettings = {
  Role: text(2048, ROLE),
  Handler: text(128, HANDLER),
  Description: text(256),
  Timeout: between(1, 900),
  MemorySize: between(128, 10240),
  Runtime: z.string(),
  Environment: z.object({ Variables: z.record(z.string(), z.string()).optional() }),
  TracingConfig: z.object({ Mode: oneOf(['Active', 'PassThrough']).optional() }),
};

export const architectures = z
  .array(oneOf(['x86_64', 'arm64']))
  .max(1, 'Member must have length less than or equal to 1')
  .min(1, 'Member must have length greater than or equal to 1');

export function checkRuntime(runtime: string): void {
  if (!(RUNTIMES as readonly string[]).includes(runtime)) {
    // AWS's message lists Lambda's runtimes; Portico lists the ones it runs
    throw invalidParameter(
      `Value ${runtime} at 'runtime' failed to satisfy constraint: Member must satisfy enum value set: [${RUNTIMES.join(', ')}] or be a valid ARN`,
    );
  }
}

/** Portico runs every function on the host's architecture and reports x86_64, as Lambda's default. */
export function checkArchitectures(values: readonly string[] | undefined): void {
  if (values && values[0] !== 'x86_64') {
    // (?) Portico's own refusal
    throw invalidParameter(`Portico runs functions on x86_64 only; Architectures ${values[0]} is not supported`);
  }
}

export function checkTracing(mode: string | undefined): void {
  // (?) Portico's own refusal: there is no X-Ray
  if (mode === 'Active')
    throw invalidParameter('Portico does not trace functions: TracingConfig.Mode must be PassThrough');
}

/** Lambda's reserved variables (set by the runtime, never by the function's configuration). */
export const RESERVED_VARIABLES = new Set([
  '_HANDLER',
  '_X_AMZN_TRACE_ID',
  'AWS_DEFAULT_REGION',
  'AWS_REGION',
  'AWS_EXECUTION_ENV',
  'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_LAMBDA_FUNCTION_MEMORY_SIZE',
  'AWS_LAMBDA_FUNCTION_VERSION',
  'AWS_LAMBDA_INITIALIZATION_TYPE',
  'AWS_LAMBDA_LOG_GROUP_NAME',
  'AWS_LAMBDA_LOG_STREAM_NAME',
  'AWS_ACCESS_KEY',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_LAMBDA_RUNTIME_API',
  'LAMBDA_TASK_ROOT',
  'LAMBDA_RUNTIME_DIR',
  'TZ',
  'TMPDIR', // Portico's runtime gives each process its own temporary folder
  'PORTICO_FUNCTION_RUNNER',
]);

const VARIABLE_NAME = /^[a-zA-Z][a-zA-Z0-9_]+$/;

const MAX_ENVIRONMENT_BYTES = 4096;

/**
 * NODE_OPTIONS reaches the function's Node.js, where a permission flag (`--allow-fs-read=*`) would undo the
 * runtime's confinement: only these harmless options are accepted.
 */
const SAFE_NODE_OPTIONS = [
  /^--enable-source-maps$/,
  /^--no-deprecation$/,
  /^--no-warnings$/,
  /^--trace-warnings$/,
  /^--trace-deprecation$/,
  /^--trace-uncaught$/,
  /^--stack-trace-limit=\d+$/,
  /^--unhandled-rejections=(strict|warn|none|throw|warn-with-error-code)$/,
];

/** Lambda's rules for environment variables: names, reserved names, 4 KB in all. Values are never echoed. */
export function checkEnvironment(variables: Record<string, string>): void {
  const badNames = Object.keys(variables).filter((name) => !VARIABLE_NAME.test(name));
  if (badNames.length > 0) {
    throw validationError([
      violation(
        'environment.variables',
        undefined,
        'Map keys must satisfy constraint: [Member must satisfy regular expression pattern: [a-zA-Z]([a-zA-Z0-9_])+]',
        true,
      ),
    ]);
  }
  const reserved = Object.keys(variables).filter((name) => RESERVED_VARIABLES.has(name));
  if (reserved.length > 0) {
    throw invalidParameter(
      `Lambda was unable to configure your environment variables because the environment variables you have provided contains reserved keys that are currently not supported for modification. Reserved keys used in this request: ${reserved.join(', ')}`,
    );
  }
  if (Buffer.byteLength(JSON.stringify(variables)) > MAX_ENVIRONMENT_BYTES) {
    // AWS appends "String measured: {…}", the variables themselves: never echoed here
    throw invalidParameter(
      'Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit.',
    );
  }
  const loaderVariables = Object.keys(variables).filter(isLoaderVariable);
  if (loaderVariables.length > 0) {
    // Portico's own rule: these reach the dynamic loader, libc or OpenSSL before Node's permission model applies
    throw invalidParameter(
      `Portico refuses environment variables read by the system's loader, C library or OpenSSL: ${loaderVariables.join(', ')}`,
    );
  }
  const nodeOptions = variables.NODE_OPTIONS;
  if (nodeOptions?.split(/\s+/).some((option) => option && !SAFE_NODE_OPTIONS.some((safe) => safe.test(option)))) {
    // Portico's own rule (functions run under Node's permission model); the value is not echoed
    throw invalidParameter(
      'NODE_OPTIONS may only hold --enable-source-maps, --no-deprecation, --no-warnings, --trace-warnings, --trace-deprecation, --trace-uncaught, --stack-trace-limit=N and --unhandled-rejections=MODE in Portico',
    );
  }
}
