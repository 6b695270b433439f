// Small helpers the route tables share.

import { badRequest, ServiceError } from '../services/errors';
import type { PageRequest } from '../services/paging';
import type { ApiResult } from './router';

export function pageRequest(query: URLSearchParams): PageRequest {
  const limit = query.get('limit');
  if (limit !== null && !/^\d+$/.test(limit)) throw badRequest(`Invalid limit: ${limit}`);
  return { limit: limit === null ? undefined : Number(limit), position: query.get('position') ?? undefined };
}

export const flag = (query: URLSearchParams, name: string): boolean => query.get(name)?.toLowerCase() === 'true';

export const ok = (body: unknown): ApiResult => ({ status: 200, body });
export const created = (body: unknown): ApiResult => ({ status: 201, body });
export const accepted = (): ApiResult => ({ status: 202 });
export const noContent = (): ApiResult => ({ status: 204 });

/** For operations whose route exists but whose implementation belongs to a later issue. */
export function notImplemented(operation: string): never {
  throw new ServiceError('NotImplementedException', `${operation} is not implemented in Portico yet`);
}
