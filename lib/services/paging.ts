// AWS's `limit` / `position` paging: limit defaults to 25 and may be at most 500; position is an opaque token.
import { badRequest } from './errors';

export interface PageRequest {
  limit?: number;
  position?: string;
}

export interface Page<T> {
  items: T[];
  position?: string;
}

export function pageWindow(request: PageRequest): { skip: number; take: number } {
  const take = request.limit ?? 25;
  if (!Number.isInteger(take) || take < 1 || take > 500) {
    throw badRequest(
      "1 validation error detected: Value at 'limit' failed to satisfy constraint: Member must have value between 1 and 500",
    );
  }
  let skip = 0;
  if (request.position) {
    skip = Number(Buffer.from(request.position, 'base64url').toString('utf8'));
    if (!Number.isInteger(skip) || skip < 0) throw badRequest('Invalid position parameter');
  }
  return { skip, take };
}

/** Fetch one row more than asked for: its presence says whether a next page exists. */
export function toPage<T>(rows: T[], window: { skip: number; take: number }): Page<T> {
  if (rows.length <= window.take) return { items: rows };
  return {
    items: rows.slice(0, window.take),
    position: Buffer.from(String(window.skip + window.take), 'utf8').toString('base64url'),
  };
}
