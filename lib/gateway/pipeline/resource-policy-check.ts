// The API's resource policy (§5.1), after authentication: an anonymous caller (authorizationType NONE) needs an
// explicit Allow; an IAM caller is refused only by an explicit Deny (same account: the caller's own permissions
// allow it — any Portico user may invoke), and so is a caller a user-pool authorizer admitted (AWS's table for
// resource policies with Cognito authorizers). A refusal is ACCESS_DENIED with AWS's message, whose ARN shows only the
// account id's last four digits (the catalog renders it in AWS's `{"Message": …}` body).
import { config } from '../../config';
import { GatewayError } from '../gateway-error';
import { methodArn, type ResourcePolicy } from '../policy/resource-policy';
import { methodArnPath } from '../routing/request-path';
import type { GatewayContext } from './gateway-context';

const masked = (arn: string, accountId: string) =>
  arn.replace(`:${accountId}:`, `:${'*'.repeat(Math.max(0, accountId.length - 4))}${accountId.slice(-4)}:`);

export function checkResourcePolicy(ctx: GatewayContext, policy: ResourcePolicy): void {
  const stage = ctx.stage;
  if (!stage) return;
  const api = { region: config.region, accountId: config.accountId, restApiId: stage.restApiId };
  const arn = methodArn(api, stage.stageName, ctx.method, methodArnPath(ctx.path));
  const caller = ctx.caller;
  const decision = policy.evaluate({
    methodArn: arn,
    sourceIp: ctx.sourceIp,
    principal: caller && {
      accountId: caller.accountId,
      userArn: caller.userArn,
      userId: caller.user,
      userName: caller.userName,
    },
  });
  if (decision === 'allow' || (decision === 'implicit' && (caller || ctx.authorizer))) return;
  const who = caller?.userArn ?? 'anonymous';
  const message = `User: ${who} is not authorized to perform: execute-api:Invoke on resource: ${masked(arn, api.accountId)}${decision === 'deny' ? ' with an explicit deny' : ''}`;
  throw new GatewayError('ACCESS_DENIED', message);
}
