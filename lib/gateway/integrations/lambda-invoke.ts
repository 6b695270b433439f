// Invoking an integration's function: the URI (`arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/
// {functionArn}/invocations`, stage variables allowed) names it; a function that does not exist is a configuration
// error (500), and an answer slower than the integration's timeout is AWS's 504 (the function itself runs on until
// its own timeout, as in AWS). Events and answers over Lambda's 6 MB are refused as Lambda and AWS refuse them.

import { lambdaInvocationTarget } from '../../functions/function-arn';
import type { InvokeResult } from '../../functions/function-runtime';
import type { SnapshotMethod } from '../../snapshot/snapshot-schema';
import { GatewayError } from '../gateway-error';
import type { GatewayContext } from '../pipeline/gateway-context';

type Integration = NonNullable<SnapshotMethod['methodIntegration']>;

/** Lambda's synchronous payload limit, each way */
const MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;

const STAGE_VARIABLE = /\$\{stageVariables\.([A-Za-z0-9_]+)\}/g;

export async function invokeIntegrationFunction(
  ctx: GatewayContext,
  integration: Integration,
  event: unknown,
): Promise<InvokeResult> {
  const uri = (integration.uri ?? '').replace(STAGE_VARIABLE, (_, name: string) => ctx.stageVariables[name] ?? '');
  const target = lambdaInvocationTarget(uri);
  const resolved = target === undefined ? undefined : ctx.functions?.resolve(target);
  if (!resolved) {
    ctx.trace?.(`Execution failed due to configuration error: Function not found: ${target ?? uri}`);
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
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new GatewayError('INTEGRATION_TIMEOUT')), integration.timeoutInMillis);
  });
  try {
    const result = await Promise.race([
      ctx.functions?.invoke(resolved, event, ctx.requestId) as Promise<InvokeResult>,
      timedOut,
    ]);
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
  } finally {
    clearTimeout(timer);
  }
}
