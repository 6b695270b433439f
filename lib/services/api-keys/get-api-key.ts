import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { type ApiKey, toApiKey } from './api-key-shape';
import { findApiKey } from './find-api-key';

/** GetApiKey; the value only with includeValue, and only for those who may edit (a Viewer never sees values). */
export async function getApiKey(
  actor: Actor,
  apiKeyId: string,
  options: { includeValue?: boolean } = {},
): Promise<ApiKey> {
  authorize(actor, 'read');
  if (options.includeValue) authorize(actor, 'edit');
  return toApiKey(await findApiKey(db(), apiKeyId), options);
}
