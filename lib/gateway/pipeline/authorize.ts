// Authorization. Only methods open to everyone (authorizationType NONE) are served yet: a method with an IAM, Lambda
// or Cognito authorizer is refused rather than served unprotected.
import { GatewayError } from '../gateway-error';
import type { GatewayContext } from './gateway-context';

export function authorize(ctx: GatewayContext): void {
  const method = ctx.methodDef;
  if (!method) return;
  if (method.authorizationType !== 'NONE') {
    throw new GatewayError('API_CONFIGURATION_ERROR');
  }
}
