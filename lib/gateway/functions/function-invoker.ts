// How the pipeline reaches functions (AWS / AWS_PROXY integrations, Lambda authorizers): the running gateway
// resolves them in its in-memory catalog and runs them in its own function runtime; TestInvokeMethod brings its own.
import type { FunctionRuntime, InvokeResult } from '../../functions/function-runtime';
import type { FunctionCatalog, ResolvedFunction } from './function-catalog';

export interface FunctionInvoker {
  /** the version a function name or ARN (`arn:…:function:name[:alias|version]`) runs now, if it exists */
  resolve(nameOrArn: string): ResolvedFunction | undefined;
  invoke(target: ResolvedFunction, event: unknown, requestId: string, signal?: AbortSignal): Promise<InvokeResult>;
}

export function catalogInvoker(catalog: () => FunctionCatalog, runtime: FunctionRuntime): FunctionInvoker {
  return {
    resolve: (nameOrArn) => catalog().resolve(nameOrArn),
    invoke: (target, event, requestId, signal) =>
      runtime.invoke(target.spec, event, { requestId, invokedArn: target.invokedArn, signal }),
  };
}
