// AWS WAFv2's exceptions with the messages WAF sends (as clients, Terraform and the AWS CLI print them; WAF's own
// messages use typographic apostrophes). WAFInvalidParameterException also carries Field (one of WAF's
// ParameterExceptionField values), Parameter and Reason, and words its message from them.
import { ServiceError } from '../errors';

export class WafInvalidParameterError extends ServiceError {
  constructor(
    readonly field: string,
    readonly parameter: string,
    readonly reason: string,
  ) {
    super('WAFInvalidParameterException', `Error reason: ${reason}, field: ${field}, parameter: ${parameter}`);
  }
}

export const invalidParameter = (field: string, parameter: string, reason: string) =>
  new WafInvalidParameterError(field, parameter, reason);

/** WAF's reason for a value it cannot read (an IP address, a name…). */
export const INVALID_FORMAT = 'The parameter contains formatting that is not valid.';

export const nonexistentItem = () =>
  new ServiceError(
    'WAFNonexistentItemException',
    'AWS WAF couldn’t perform the operation because your resource doesn’t exist.',
  );

export const duplicateItem = () =>
  new ServiceError(
    'WAFDuplicateItemException',
    'AWS WAF couldn’t perform the operation because some resource in your request is a duplicate of an existing one.',
  );

export const optimisticLock = () =>
  new ServiceError(
    'WAFOptimisticLockException',
    'AWS WAF couldn’t save your changes because someone changed the resource after you started to edit it. Reapply your changes.',
  );

export const associatedItem = () =>
  new ServiceError(
    'WAFAssociatedItemException',
    'AWS WAF couldn’t perform the operation because your resource is being used by another resource or it’s associated with another resource.',
  );

export const limitsExceeded = () =>
  new ServiceError(
    'WAFLimitsExceededException',
    'AWS WAF couldn’t perform the operation because you exceeded your resource limit.',
  );

/** Scope CLOUDFRONT: Portico protects API Gateway stages only, which are REGIONAL (AWS's answer outside us-east-1). */
export const scopeNotValid = (scope: string) => invalidParameter('SCOPE_VALUE', scope, 'The scope is not valid.');

/** An ARN that is malformed, or names a resource a web ACL cannot be associated with. */
export const arnNotValid = (arn: string) =>
  invalidParameter(
    'RESOURCE_ARN',
    arn,
    "The ARN isn't valid. A valid ARN begins with arn: and includes other information separated by colons or slashes.",
  );

/** A member of WAF's API that Portico does not implement: refused, never stored and ignored. */
export const unsupportedParameter = (field: string, member: string) =>
  invalidParameter(field, member, `Portico's WAF does not support ${member}.`); // Portico's own wording
