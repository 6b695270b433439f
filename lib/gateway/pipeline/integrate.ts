// The integration stage: hands the request to the integration type that serves the method.
import { GatewayError } from '../gateway-error';
import { httpProxy } from '../integrations/http-proxy';
import { lambdaProxy } from '../integrations/lambda-proxy';
import { nonProxyIntegration } from '../integrations/non-proxy';
import type { GatewayContext, GatewayResult } from './gateway-context';

export async function integrate(ctx: GatewayContext): Promise<GatewayResult> {
  const method = ctx.methodDef;
  const type = method?.methodIntegration?.type;
  if (!method || !type) throw new GatewayError('API_CONFIGURATION_ERROR');
  switch (type) {
    case 'HTTP_PROXY':
      return httpProxy(ctx, method);
    case 'HTTP':
    case 'MOCK':
    case 'AWS':
      return nonProxyIntegration(ctx, method);
    case 'AWS_PROXY':
      return lambdaProxy(ctx, method);
    default:
      throw new GatewayError('API_CONFIGURATION_ERROR');
  }
}
