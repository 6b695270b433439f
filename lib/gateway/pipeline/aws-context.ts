// AWS's $context variables for a routed request (§3.5), with what the method's authorizer established.
import { config } from '../../config';
import type { GatewayContext } from './gateway-context';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** Common Log Format time, as `$context.requestTime`: `22/Nov/2026:01:02:03 +0000` */
export function clfTime(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

export function buildAwsContext(ctx: GatewayContext): Record<string, unknown> {
  const stage = ctx.stage;
  const route = ctx.route;
  return {
    accountId: config.accountId,
    apiId: stage?.restApiId,
    deploymentId: ctx.deployment?.deploymentId,
    domainName: ctx.host,
    domainPrefix: ctx.host.split('.')[0],
    extendedRequestId: ctx.apigwId,
    httpMethod: ctx.method,
    identity: {
      sourceIp: ctx.sourceIp,
      userAgent: ctx.request.headers['user-agent'] ?? null,
      accountId: ctx.caller?.accountId ?? null,
      apiKey: ctx.apiKey?.value ?? null,
      apiKeyId: ctx.apiKey?.id ?? null,
      caller: ctx.caller?.caller ?? null,
      user: ctx.caller?.user ?? null,
      userArn: ctx.caller?.userArn ?? null,
      accessKey: ctx.caller?.accessKey ?? null,
      cognitoAuthenticationProvider: null,
      cognitoAuthenticationType: null,
      cognitoIdentityId: null,
      cognitoIdentityPoolId: null,
      principalOrgId: null,
    },
    ...(ctx.authorizer && { authorizer: ctx.authorizer }),
    isCanaryRequest: ctx.isCanary,
    path: `/${stage?.stageName ?? ''}${ctx.path === '/' ? '/' : ctx.path}`,
    protocol: 'HTTP/1.1',
    requestId: ctx.requestId,
    requestTime: clfTime(ctx.startedAt),
    requestTimeEpoch: ctx.startedAt,
    resourceId: route?.resource.id,
    resourcePath: route?.resourcePath,
    stage: stage?.stageName,
    // set only for a stage a web ACL protects, as AWS's
    ...(ctx.waf && { wafResponseCode: ctx.waf.responseCode, webaclArn: ctx.waf.webAclArn }),
  };
}
