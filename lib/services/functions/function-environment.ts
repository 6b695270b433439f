// A version's environment variables at rest: AES-256-GCM of their JSON under the master key (the gateway's function
// catalog reads them the same way). Only callers who may edit functions see the values; others see each value
// replaced by MASKED_VALUE. Values are never logged, audited or put in an error message.
import { can } from '../../auth/roles';
import { decryptSecret, encryptSecret } from '../../crypto/secrets';
import type { Actor } from '../actor';

export type Variables = Record<string, string>;

export const MASKED_VALUE = '********';

/** null when there are no variables. */
export function sealEnvironment(variables: Variables): string | null {
  return Object.keys(variables).length > 0 ? encryptSecret(JSON.stringify(variables)) : null;
}

export function openEnvironment(sealed: string | null): Variables {
  return sealed ? (JSON.parse(decryptSecret(sealed)) as Variables) : {};
}

export function maskEnvironment(variables: Variables): Variables {
  return Object.fromEntries(Object.keys(variables).map((name) => [name, MASKED_VALUE]));
}

/** The variables as this actor may see them: values for those who may edit, masked for the rest. */
export function environmentFor(actor: Actor | 'masked', sealed: string | null): Variables {
  const variables = openEnvironment(sealed);
  return actor !== 'masked' && can(actor.role, 'edit') ? variables : maskEnvironment(variables);
}
