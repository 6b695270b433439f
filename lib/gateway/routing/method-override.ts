// `X-HTTP-Method-Override` (AWS §2.5: honoured for method choice). Decisions, AWS's exact rules being undocumented (?):
// the header name is case-insensitive; its value is trimmed and upper-cased; it applies whatever the real verb is;
// a repeated header uses its first value; a value that is not one of the seven routable verbs is ignored.
import { isRoutableMethod } from './http-methods';

const HEADER = 'x-http-method-override';

export type RequestHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

function overrideHeader(headers: RequestHeaders): string | readonly string[] | undefined {
  const direct = headers[HEADER];
  if (direct !== undefined) return direct;
  // Node lower-cases header names; other callers may not.
  for (const name in headers) {
    if (name.length === HEADER.length && name.toLowerCase() === HEADER) return headers[name];
  }
  return undefined;
}

/** The verb to route with: the override when it names a routable verb, else the request's own method. */
export function effectiveMethod(method: string, headers: RequestHeaders): string {
  const header = overrideHeader(headers);
  const value = typeof header === 'string' ? header : header?.[0];
  if (value === undefined) return method;
  const verb = value.trim().toUpperCase();
  return isRoutableMethod(verb) ? verb : method;
}
