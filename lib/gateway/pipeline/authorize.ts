// Authorization (§5): methods open to everyone (NONE) and AWS_IAM methods (a SigV4 signature, iam-auth.ts) are
// served; a method with a Lambda or Cognito authorizer is refused (500) rather than served unprotected.
import { GatewayError } from '../gateway-error';
import type { GatewayContext } from './gateway-context';
import { type AccessKeyLookup, verifyIamCaller } from './iam-auth';

export async function authorize(ctx: GatewayContext, accessKeys: AccessKeyLookup): Promise<void> {
  const method = ctx.methodDef;
  if (!method || method.authorizationType === 'NONE') return;
  if (method.authorizationType !== 'AWS_IAM') throw new GatewayError('API_CONFIGURATION_ERROR');
  ctx.caller = await verifyIamCaller(ctx, accessKeys);
}
