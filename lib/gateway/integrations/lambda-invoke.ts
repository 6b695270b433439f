// Invoking an integration's function (functions/function-call.ts): a function that does not exist is a configuration
// error (500), and an answer slower than the integration's timeout is AWS's 504. Events and answers over Lambda's 6 MB are refused as Lambda and AWS refuse them.

import type { InvokeResult } from '../../functions/function-runtime';
import type { SnapshotMethod } from '../../snapshot/snapshot-schema';
import { callWithin, functionAt } from '../functions/function-call';
import { GatewayError } from '../gateway-error';
import type { GatewayContext } from '../pipeline/gateway-context';

type Integration = NonNullable<SnapshotMethod['methodIntegration']>;

/** Lambda's synchronous payload limit, each way */
const MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;

export async function invokeIntegrationFunction(
  ctx: GatewayContext,
  integration: Integration,
  event: unknown,
): Promise<InvokeResult> {
  const { uri, arn, resolved } = functionAt(ctx, integration.uri ?? '');
  if (!resolved) {
    ctx.trace?.(`Execution failed due to configuration error: Function not found: ${arn ?? uri}`);
    throw new GatewayError('API_CONFIGURATION_ERROR');
  }
  const eventText = JSON.stringify(event);
  if (Buffer.byteLength(eventText) > MAX_PAYLOAD_BYTES) {
    // AWS's answer when the event is over Lambda's limit (§4.3)
    throw new GatewayError('REQUEST_TOO_LARGE', 'Request Too Long', 'BadRequestException');
  }
  ctx.trace?.(`Endpoint request URI: ${uri}`);
  ctx.trace?.(`Endpoint request body after transformations: ${eventText}`);
  const sentAt = Date.now();
  try {
    const result = await callWithin(
      ctx,
      resolved,
      event,
      integration.timeoutInMillis,
      () => new GatewayError('INTEGRATION_TIMEOUT'),
    );
    ctx.trace?.(`Received response. Integration latency: ${Date.now() - sentAt} ms`);
    if (Buffer.byteLength(result.payload) > MAX_PAYLOAD_BYTES) {
      // as Lambda fails an invocation whose answer is over its limit
      return {
        ...result,
        payload: JSON.stringify({
          errorType: 'Function.ResponseSizeTooLarge',
          errorMessage: `Response payload size exceeded maximum allowed payload size (${MAX_PAYLOAD_BYTES} bytes).`,
        }),
        functionError: 'Unhandled',
      };
    }
    ctx.trace?.(`Endpoint response body before transformations: ${result.payload}`);
    return result;
  } catch (error) {
    if (error instanceof GatewayError) {
      ctx.trace?.('Execution failed due to a timeout error');
      throw error;
    }
    ctx.trace?.(`Execution failed due to configuration error: ${(error as Error).message}`);
    throw new GatewayError('API_CONFIGURATION_ERROR');
  }
}
