// WAF's Limit / NextMarker paging for the List operations: items in name order (names are unique in a scope), at most
// Limit a page (100 when absent), and while more remain a NextMarker — the name of the next item — to resume from.
// Keyed on the name, a page stays right when items are created or deleted between calls.

/** (?) AWS does not document the page size when Limit is absent; 100, its largest. */
export const DEFAULT_LIMIT = 100;

export interface WafPageRequest {
  Limit?: number;
  NextMarker?: string;
}

/** The Prisma query for one page, ordered by name: one row more than the page, to know whether another follows. */
export function pageQuery(request: WafPageRequest) {
  return {
    where: request.NextMarker === undefined ? {} : { name: { gte: request.NextMarker } },
    orderBy: { name: 'asc' as const },
    take: (request.Limit ?? DEFAULT_LIMIT) + 1,
  };
}

export function toWafPage<T extends { name: string }>(
  rows: readonly T[],
  request: WafPageRequest,
): { items: T[]; nextMarker?: string } {
  const limit = request.Limit ?? DEFAULT_LIMIT;
  const next = rows[limit];
  return next ? { items: rows.slice(0, limit), nextMarker: next.name } : { items: [...rows] };
}
