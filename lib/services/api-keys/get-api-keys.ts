import type { Prisma } from '@prisma/client';
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { type Page, type PageRequest, pageWindow, toPage } from '../paging';
import { type ApiKey, toApiKey } from './api-key-shape';

export interface GetApiKeysRequest extends PageRequest {
  /** name prefix */
  nameQuery?: string;
  customerId?: string;
  includeValues?: boolean;
}

/** GetApiKeys (also the console's API keys page), oldest first; values only with includeValues. */
export async function getApiKeys(actor: Actor, request: GetApiKeysRequest = {}): Promise<Page<ApiKey>> {
  authorize(actor, 'read');
  if (request.includeValues) authorize(actor, 'edit');
  const window = pageWindow(request);
  const where: Prisma.ApiKeyWhereInput = {
    ...(request.nameQuery && { name: { startsWith: request.nameQuery } }),
    ...(request.customerId && { customerId: request.customerId }),
  };
  const rows = await db().apiKey.findMany({
    where,
    orderBy: [{ createdDate: 'asc' }, { id: 'asc' }],
    skip: window.skip,
    take: window.take + 1,
  });
  const page = toPage(rows, window);
  return { ...page, items: page.items.map((row) => toApiKey(row, { includeValue: request.includeValues })) };
}
