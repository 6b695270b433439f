// AWS WAF in front of a stage (§10 WAF_FILTERED): the stage's web ACL sees the request before API Gateway does —
// before routing, authorization, API keys and throttling. A block answers WAF_FILTERED (403 Forbidden, customisable
// as a gateway response) or the rule's own custom response, which wins over any gateway response.
import type { CompiledWebAcl } from '../../waf/compile-web-acl';
import { urlDecode } from '../../waf/text-transformations';
import type { WafRequest } from '../../waf/waf-request';
import { GatewayError } from '../gateway-error';
import type { GatewayContext, GatewayResult } from './gateway-context';

/** `a=1&b=%C3%BC+x` as name/value pairs of bytes (latin1 text), never UTF-8 text: a search string is bytes, and
 * invalid UTF-8 must not turn into U+FFFD. */
function queryBytes(rawQuery: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const part of rawQuery.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    out.push(eq === -1 ? [urlDecode(part), ''] : [urlDecode(part.slice(0, eq)), urlDecode(part.slice(eq + 1))]);
  }
  return out;
}

function wafRequest(ctx: GatewayContext): WafRequest {
  const queryAt = ctx.url.indexOf('?');
  let query: Array<[string, string]> | undefined;
  return {
    method: ctx.method,
    uriPath: queryAt === -1 ? ctx.url : ctx.url.slice(0, queryAt),
    queryString: ctx.rawQuery,
    headerValues: (name) => {
      const values: string[] = [];
      const raw = ctx.rawHeaders;
      for (let i = 0; i + 1 < raw.length; i += 2) {
        if ((raw[i] as string).toLowerCase() === name) values.push(raw[i + 1] as string);
      }
      return values;
    },
    queryArguments: () => {
      query ??= queryBytes(ctx.rawQuery);
      return query;
    },
    body: ctx.body,
    sourceIp: ctx.sourceIp,
    ipSetMatches: new Map(),
  };
}

/** Runs the web ACL: nothing when it allows, the blocking answer otherwise (a gateway error or a custom response). */
export function inspectWithWaf(ctx: GatewayContext, acl: CompiledWebAcl): GatewayResult | undefined {
  const verdict = acl.evaluate(wafRequest(ctx));
  ctx.waf = { webAclArn: acl.arn, responseCode: verdict.action === 'ALLOW' ? 'WAF_ALLOW' : 'WAF_BLOCK' };
  if (verdict.action === 'ALLOW') return undefined;
  const custom = verdict.response;
  if (!custom) throw new GatewayError('WAF_FILTERED');
  const headers: Record<string, string> = { ...custom.headers };
  if (custom.body) headers['Content-Type'] = custom.body.contentType;
  return { status: custom.status, headers, body: custom.body?.content ?? '' };
}
