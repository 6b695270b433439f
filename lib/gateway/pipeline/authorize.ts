// Authorization and API keys. Only methods open to everyone (authorizationType NONE, no API key) are served yet:
// anything else is refused rather than served unprotected.
import { GatewayError } from '../gateway-error';
import type { GatewayContext } from './gateway-context';

export function authorize(ctx: GatewayContext): void {
  const method = ctx.methodDef;
  if (!method) return;
  if (method.authorizationType !== 'NONE' || method.apiKeyRequired) {
    throw new GatewayError('API_CONFIGURATION_ERROR');
  }
}
