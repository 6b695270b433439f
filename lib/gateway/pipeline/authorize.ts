// Authorization (§5): methods open to everyone (NONE) and AWS_IAM methods (a SigV4 signature, iam-auth.ts) are
// served, then the API's resource policy has its say (resource-policy-check.ts); a method with a Lambda or Cognito
// authorizer is refused (500) rather than served unprotected. Only a signature check is asynchronous: the usual
// NONE method returns undefined and costs the hot path no promise.
import { GatewayError } from '../gateway-error';
import type { GatewayContext } from './gateway-context';
import { type AccessKeyLookup, verifyIamCaller } from './iam-auth';
import { checkResourcePolicy } from './resource-policy-check';

function afterAuthentication(ctx: GatewayContext): void {
  const policy = ctx.deployment?.policy;
  if (policy) checkResourcePolicy(ctx, policy);
}

export function authorize(ctx: GatewayContext, accessKeys: AccessKeyLookup): Promise<void> | undefined {
  const method = ctx.methodDef;
  if (!method) return undefined;
  if (method.authorizationType === 'AWS_IAM') {
    return verifyIamCaller(ctx, accessKeys).then((caller) => {
      ctx.caller = caller;
      afterAuthentication(ctx);
    });
  }
  if (method.authorizationType !== 'NONE') throw new GatewayError('API_CONFIGURATION_ERROR');
  afterAuthentication(ctx);
  return undefined;
}
