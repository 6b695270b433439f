// GetFunction: the configuration (as GetFunctionConfiguration answers it) and where the code is. Portico keeps the
// package itself and serves no download: Code is {RepositoryType: 'Portico'} with no Location.
import type { Actor } from '../actor';
import { CODE_LOCATION, type FunctionConfiguration } from './function-shape';
import { getFunctionConfiguration } from './get-function-configuration';

export async function getFunction(
  actor: Actor,
  name: string,
  qualifier: string | null = null,
): Promise<{ Configuration: FunctionConfiguration; Code: typeof CODE_LOCATION }> {
  return { Configuration: await getFunctionConfiguration(actor, name, qualifier), Code: CODE_LOCATION };
}
