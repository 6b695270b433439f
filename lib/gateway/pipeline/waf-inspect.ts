// AWS WAF in front of a stage (§10 WAF_FILTERED): the stage's web ACL sees the request before API Gateway does —
// before routing, authorization, API keys and throttling. A block answers WAF_FILTERED (403 Forbidden, customisable
// as a gateway response) or the rule's own custom response, which wins over any gateway response.
import type { CompiledWebAcl } from '../../waf/compile-web-acl';
import type { WafRequest } from '../../waf/waf-request';
import { GatewayError } from '../gateway-error';
import type { GatewayContext, GatewayResult } from './gateway-context';

function wafRequest(ctx: GatewayContext): WafRequest {
  const queryAt = ctx.url.indexOf('?');
  return {
    method: ctx.method,
    uriPath: queryAt === -1 ? ctx.url : ctx.url.slice(0, queryAt),
    queryString: ctx.rawQuery,
    header: (name) => {
      const values = ctx.request.multiHeaders[name];
      return values === undefined ? undefined : values.join(', ');
    },
    queryArguments: () => [...new URLSearchParams(ctx.rawQuery)],
    body: ctx.body,
    sourceIp: ctx.sourceIp,
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
