// Invoking an integration's function: the URI (`arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/
// {functionArn}/invocations`, stage variables allowed) names it; a function that does not exist is a configuration
// error (500), and an answer slower than the integration's timeout is AWS's 504 (the function itself runs on until
// its own timeout, as in AWS).

import { lambdaInvocationTarget } from '../../functions/function-arn';
import type { InvokeResult } from '../../functions/function-runtime';
import type { SnapshotMethod } from '../../snapshot/snapshot-schema';
import { GatewayError } from '../gateway-error';
import type { GatewayContext } from '../pipeline/gateway-context';

type Integration = NonNullable<SnapshotMethod['methodIntegration']>;

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
  ctx.trace?.(`Endpoint request URI: ${uri}`);
  ctx.trace?.(`Endpoint request body after transformations: ${JSON.stringify(event)}`);
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
