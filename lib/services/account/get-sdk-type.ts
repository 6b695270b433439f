import { SDK_TYPES, type SdkType } from '../../sdk/sdk-types';
import { type Actor, authorize } from '../actor';
import { notFound } from '../errors';

export function getSdkType(actor: Actor, id: string): SdkType {
  authorize(actor, 'read');
  const found = SDK_TYPES.find((type) => type.id === id);
  if (!found) throw notFound('Invalid SDK type identifier specified');
  return found;
}
