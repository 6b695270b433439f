// GetSdkTypes: the SDK types API Gateway can generate (fixed data, paged like every AWS collection).
import { SDK_TYPES, type SdkType } from '../../sdk/sdk-types';
import { type Actor, authorize } from '../actor';
import { type Page, type PageRequest, pageWindow, toPage } from '../paging';

export function getSdkTypes(actor: Actor, request: PageRequest = {}): Page<SdkType> {
  authorize(actor, 'read');
  const window = pageWindow(request);
  return toPage(SDK_TYPES.slice(window.skip, window.skip + window.take + 1), window);
}
