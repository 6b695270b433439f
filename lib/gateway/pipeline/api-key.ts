// API keys (§6.2): a method with apiKeyRequired opens only to the value of an enabled API key in a usage plan attached
// to this API and stage, sent in the `x-api-key` header (apiKeySource HEADER) or named by the method's Lambda
// authorizer as its `usageIdentifierKey` (apiKeySource AUTHORIZER). Anything else is INVALID_API_KEY: 403
// `Forbidden`, whatever the reason, as AWS does. The value is compared by its lookup hash; it is never kept or logged.
// The key's usage plan throttles and quota are applied next (throttle.ts, quota.ts).
import { lookupHash } from '../../crypto/secrets';
import { GatewayError } from '../gateway-error';
import { rawHeader } from '../mapping/raw-headers';
import type { GatewayContext } from './gateway-context';

export function checkApiKey(ctx: GatewayContext): void {
  if (!ctx.methodDef?.apiKeyRequired) return;
  const value =
    ctx.deployment?.snapshot.apiKeySource === 'AUTHORIZER'
      ? ctx.authorizerApiKey
      : rawHeader(ctx.rawHeaders, 'x-api-key');
  const key = value ? ctx.stage?.apiKeys.get(lookupHash(value)) : undefined;
  if (key === undefined || value === undefined) throw new GatewayError('INVALID_API_KEY');
  ctx.apiKey = { id: key.id, value, key };
}
