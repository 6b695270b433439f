// An alias's settings as Lambda checks them: its name, the version it points at, and weighted routing to at most one
// other published version (AdditionalVersionWeights, a share from 0 to 1 of the invocations).
import { z } from 'zod';
import type { Tx } from '../../db/client';
import { type FunctionRow, findVersion, LATEST } from '../functions/find-function';
import { functionNotFound, invalidParameter, validationError, violation } from '../functions/lambda-errors';
import { text } from '../functions/lambda-validation';

export const aliasName = text(128, {
  source: '(?!^[0-9]+$)([a-zA-Z0-9-_]+)',
  regex: /^(?!^[0-9]+$)([a-zA-Z0-9-_]+)$/,
}).min(1, 'Member must have length greater than or equal to 1');

export const functionVersion = text(1024, { source: '(\\$LATEST|[0-9]+)', regex: /^(\$LATEST|[0-9]+)$/ });

export const routingConfig = z.object({ AdditionalVersionWeights: z.record(z.string(), z.number()).optional() });

const WEIGHTS_MEMBER = 'routingConfig.additionalVersionWeights';

/** The weights to store (none when empty), checked in Lambda's order. */
export function checkRoutingWeights(
  primary: string,
  weights: Record<string, number> | undefined,
): Record<string, number> | undefined {
  const entries = Object.entries(weights ?? {});
  if (entries.length === 0) return undefined;
  if (entries.length > 1)
    throw invalidParameter('Number of items in AdditionalVersionWeights cannot be greater than 1');
  const [[version, weight]] = entries as [[string, number]];
  if (!(weight >= 0 && weight <= 1)) {
    throw validationError([
      violation(
        WEIGHTS_MEMBER,
        `{${version}=${weight}}`,
        'Map value must satisfy constraint: [Member must have value less than or equal to 1.0, Member must have value greater than or equal to 0.0, Member must not be null]',
      ),
    ]);
  }
  if (version === primary) {
    throw invalidParameter(
      `Invalid function version ${primary}. Function version ${primary} is already included in routing configuration.`,
    );
  }
  if (primary === LATEST)
    throw invalidParameter('$LATEST is not supported for an alias pointing to more than 1 version');
  if (!/^[0-9]+$/.test(version)) {
    throw validationError([
      violation(
        WEIGHTS_MEMBER,
        `{${version}=${weight}}`,
        'Map keys must satisfy constraint: [Member must have length less than or equal to 1024, Member must have length greater than or equal to 1, Member must satisfy regular expression pattern: [0-9]+, Member must not be null]',
      ),
    ]);
  }
  return { [version]: weight };
}

/** Every version the alias names must exist. */
export async function checkVersionsExist(tx: Tx, fn: FunctionRow, versions: readonly string[]): Promise<void> {
  for (const version of versions) {
    if (!(await findVersion(tx, fn, version))) throw functionNotFound(fn.functionName, version);
  }
}
