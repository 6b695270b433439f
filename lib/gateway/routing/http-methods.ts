// Which method entry of a resource serves a request verb (AWS §2.3): an explicit entry beats `ANY`; `ANY` covers the
// seven verbs below; GET does not serve HEAD. Verbs outside the seven (TRACE, CONNECT, `ANY` itself…) never route.
import type { ServingMethod } from './route-types';

export const ROUTABLE_METHODS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'] as const;
export type RoutableMethod = (typeof ROUTABLE_METHODS)[number];

const ROUTABLE: ReadonlySet<string> = new Set(ROUTABLE_METHODS);

export function isRoutableMethod(verb: string): verb is RoutableMethod {
  return ROUTABLE.has(verb);
}

/** The key of `methods` serving `verb`, or null when this resource is not a candidate for it. Verbs are case-sensitive. */
export function servingMethod(methods: Readonly<Record<string, unknown>>, verb: string): ServingMethod | null {
  if (!isRoutableMethod(verb)) return null;
  if (Object.hasOwn(methods, verb)) return verb;
  return Object.hasOwn(methods, 'ANY') ? 'ANY' : null;
}
