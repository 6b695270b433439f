// What a web ACL's rules inspect in one request: the parts WAF's FieldToMatch names, as bytes in latin1 strings.

/** WAF inspects the first 16 KB of an API Gateway request's body (the rest by the rule's OversizeHandling). */
export const BODY_INSPECTION_LIMIT = 16 * 1024;

export interface WafRequest {
  method: string;
  /** the path as the client sent it (still percent-encoded) */
  uriPath: string;
  /** the query string as sent, without `?` */
  queryString: string;
  /** a header's value (names case-insensitive), repeated headers joined with `, ` */
  header(name: string): string | undefined;
  /** the decoded query arguments, in order */
  queryArguments(): ReadonlyArray<readonly [string, string]>;
  body: Buffer;
  sourceIp: string;
}
