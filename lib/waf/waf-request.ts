// What a web ACL's rules inspect in one request: the parts WAF's FieldToMatch names, as bytes in latin1 strings.

/** WAF inspects the first 16 KB of an API Gateway request's body (the rest by the rule's OversizeHandling). */
export const BODY_INSPECTION_LIMIT = 16 * 1024;

export interface WafRequest {
  method: string;
  /** the path as the client sent it (still percent-encoded) */
  uriPath: string;
  /** the query string as sent, without `?` */
  queryString: string;
  /** a header's values (names lower-case), each copy of a repeated header apart; none when absent */
  headerValues(name: string): string[];
  /** the query arguments, percent-decoded into bytes (latin1 text, like every other field), in order */
  queryArguments(): ReadonlyArray<readonly [string, string]>;
  /** IP set id → whether the caller is in it, filled as rules ask (a set is checked once per request) */
  ipSetMatches: Map<string, boolean>;
  body: Buffer;
  sourceIp: string;
}
