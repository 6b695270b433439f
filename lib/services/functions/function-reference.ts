// The function an operation names: a name, a partial ARN or an ARN (lib/functions/function-arn.ts), perhaps with a
// `:qualifier`, and perhaps a separate Qualifier parameter, checked as Lambda checks them.
import { parseFunctionReference } from '../../functions/function-arn';
import { ServiceError } from '../errors';
import { invalidParameter, validationError, violation } from './lambda-errors';

const NAMESPACED_PATTERN =
  '(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?';
const UNQUALIFIED_PATTERN =
  '(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)';
const QUALIFIER = /^[a-zA-Z0-9$_-]{1,128}$/;

export interface FunctionTarget {
  functionName: string;
  /** a version number, `$LATEST` or an alias name, when one was given */
  qualifier?: string;
}

/**
 * @param name the FunctionName as given
 * @param qualifier the separate Qualifier parameter, for operations that take one; operations that act on the
 *   function itself (`qualifier: false`) refuse a qualified name
 */
export function functionTarget(name: string, qualifier: string | null | false = null): FunctionTarget {
  const pattern = qualifier === false ? UNQUALIFIED_PATTERN : NAMESPACED_PATTERN;
  const parsed = parseFunctionReference(name);
  if (!parsed) {
    if (/^(arn:|\d{12}:)/.test(name) && /:function:[a-zA-Z0-9-_]{1,64}(:|$)/.test(name)) {
      // (?) another account's or region's function: Portico has one of each
      throw new ServiceError('ResourceNotFoundException', `Function not found: ${name}`);
    }
    throw validationError([
      violation('functionName', name, `Member must satisfy regular expression pattern: ${pattern}`),
    ]);
  }
  if (qualifier === false) {
    if (parsed.qualifier !== undefined) {
      // (?) AWS refuses a qualified name here; its exact answer is not known
      throw validationError([
        violation('functionName', name, `Member must satisfy regular expression pattern: ${pattern}`),
      ]);
    }
    return { functionName: parsed.functionName };
  }
  if (qualifier !== null && qualifier !== '') {
    if (!QUALIFIER.test(qualifier)) {
      throw validationError([
        violation('qualifier', qualifier, 'Member must satisfy regular expression pattern: (|[a-zA-Z0-9$_-]+)'),
      ]);
    }
    if (parsed.qualifier !== undefined && parsed.qualifier !== qualifier) {
      throw invalidParameter('The derived qualifier from the function name does not match the specified qualifier.');
    }
    return { functionName: parsed.functionName, qualifier };
  }
  return parsed;
}
