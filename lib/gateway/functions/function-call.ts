// Calling the function a Lambda invocation URI names (`arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/
// {functionArn}/invocations`, stage variables allowed), for AWS / AWS_PROXY integrations and Lambda authorizers
// alike: the function resolved in the request's invoker, the call bounded by the caller's timeout (the function
// itself runs on until its own timeout, as in AWS).
import { lambdaInvocationTarget } from '../../functions/function-arn';
import type { InvokeResult } from '../../functions/function-runtime';
import { withStageVariables } from '../mapping/stage-variables';
import type { GatewayContext } from '../pipeline/gateway-context';
import type { ResolvedFunction } from './function-catalog';

export interface FunctionAt {
  /** the URI with its stage variables filled in */
  uri: string;
  /** the function's ARN in it, if the URI is a Lambda invocation URI */
  arn?: string;
  /** the version that runs, if the function exists */
  resolved?: ResolvedFunction;
}

export function functionAt(ctx: GatewayContext, uriTemplate: string): FunctionAt {
  const uri = withStageVariables(uriTemplate, ctx.stageVariables);
  const arn = lambdaInvocationTarget(uri);
  return { uri, arn, resolved: arn === undefined ? undefined : ctx.functions?.resolve(arn) };
}

/** Invokes the function; `timedOut` is what the call fails with when it takes longer than `timeoutMs`. */
export async function callWithin(
  ctx: GatewayContext,
  resolved: ResolvedFunction,
  event: unknown,
  timeoutMs: number,
  timedOut: () => Error,
): Promise<InvokeResult> {
  const functions = ctx.functions;
  if (!functions) throw new Error('no function runtime');
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new AbortController(); // an invocation still queued when the caller times out is dropped
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = timedOut();
      gaveUp.abort(error);
      reject(error);
    }, timeoutMs);
  });
  try {
    return await Promise.race([functions.invoke(resolved, event, ctx.requestId, gaveUp.signal), late]);
  } finally {
    clearTimeout(timer);
  }
}
