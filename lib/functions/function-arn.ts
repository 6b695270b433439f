// Function names and ARNs as Lambda takes them: a name (`my-fn`), a partial ARN (`123456789012:function:my-fn`) or
// a full ARN (`arn:aws:lambda:us-east-1:123456789012:function:my-fn`), each with an optional `:qualifier` (a version
// number, `$LATEST`, or an alias).
import { config } from '../config';

export interface FunctionReference {
  functionName: string;
  qualifier?: string;
}

const NAME = /^[a-zA-Z0-9-_]{1,64}$/;
const QUALIFIER = /^(\$LATEST|[a-zA-Z0-9-_]{1,128})$/;
const FULL = /^arn:aws[a-zA-Z-]*:lambda:([a-z0-9-]+):(\d{12}):function:([a-zA-Z0-9-_]+)(?::([^:]+))?$/;
const PARTIAL = /^(\d{12}):function:([a-zA-Z0-9-_]+)(?::([^:]+))?$/;
const PLAIN = /^([a-zA-Z0-9-_]+)(?::([^:]+))?$/;

/** The unqualified ARN of a function, or with a qualifier. */
export function functionArn(functionName: string, qualifier?: string): string {
  const arn = `arn:aws:lambda:${config.region}:${config.accountId}:function:${functionName}`;
  return qualifier ? `${arn}:${qualifier}` : arn;
}

/** Reads a function name or ARN; undefined when it is neither, or names another account or region. */
export function parseFunctionReference(value: string): FunctionReference | undefined {
  let name: string | undefined;
  let qualifier: string | undefined;
  const full = FULL.exec(value);
  if (full) {
    if (full[1] !== config.region || full[2] !== config.accountId) return undefined;
    [name, qualifier] = [full[3], full[4]];
  } else {
    const partial = PARTIAL.exec(value);
    if (partial) {
      if (partial[1] !== config.accountId) return undefined;
      [name, qualifier] = [partial[2], partial[3]];
    } else {
      const plain = PLAIN.exec(value);
      if (!plain) return undefined;
      [name, qualifier] = [plain[1], plain[2]];
    }
  }
  if (!name || !NAME.test(name) || (qualifier !== undefined && !QUALIFIER.test(qualifier))) return undefined;
  return qualifier === undefined ? { functionName: name } : { functionName: name, qualifier };
}

/** `arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{functionArn}/invocations` → the function's ARN. */
export function lambdaInvocationTarget(uri: string): string | undefined {
  const match = /^arn:aws[a-zA-Z-]*:apigateway:[a-z0-9-]+:lambda:path\/2015-03-31\/functions\/(.+)\/invocations$/.exec(
    uri,
  );
  return match?.[1];
}
