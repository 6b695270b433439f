// Authorization (§5): methods open to everyone (NONE) and AWS_IAM methods (a SigV4 signature, iam-auth.ts) are
// served, then the API's resource policy has its say (resource-policy-check.ts); a method with a Lambda or Cognito
// authorizer is refused (500) rather than served unprotected.
import { GatewayError } from '../gateway-error';
import type { GatewayContext } from './gateway-context';
import { type AccessKeyLookup, verifyIamCaller } from './iam-auth';
import { checkResourcePolicy } from './resource-policy-check';

export async function authorize(ctx: GatewayContext, accessKeys: AccessKeyLookup): Promise<void> {
  const method = ctx.methodDef;
  if (!method) return;
  if (method.authorizationType === 'AWS_IAM') ctx.caller = await verifyIamCaller(ctx, accessKeys);
  else if (method.authorizationType !== 'NONE') throw new GatewayError('API_CONFIGURATION_ERROR');
  const policy = ctx.deployment?.policy;
  if (policy) checkResourcePolicy(ctx, policy);
}
