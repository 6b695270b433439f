// AWS Lambda's exceptions with its messages. Where AWS's exact wording is not known, the message is kept close to
// AWS's and marked `(?)`.
import { functionArn } from '../../functions/function-arn';
import { ServiceError } from '../errors';

export const invalidParameter = (message: string) => new ServiceError('InvalidParameterValueException', message);
export const resourceConflict = (message: string) => new ServiceError('ResourceConflictException', message);

/** Smithy constraint violations, each `Value '…' at 'member' failed to satisfy constraint: …`. */
export function validationError(violations: readonly string[]): ServiceError {
  const count = violations.length;
  return new ServiceError(
    'ValidationException',
    `${count} validation error${count === 1 ? '' : 's'} detected: ${violations.join('; ')}`,
  );
}

/** `Value 'x' at 'member' failed to satisfy constraint: …` (`Value null`, or no value at all for sensitive members). */
export function violation(member: string, value: unknown, constraint: string, sensitive = false): string {
  const shown = sensitive ? '' : value === undefined || value === null ? ' null' : ` '${String(value)}'`;
  return `Value${shown} at '${member}' failed to satisfy constraint: ${constraint}`;
}

export const functionNotFound = (functionName: string, qualifier?: string) =>
  new ServiceError('ResourceNotFoundException', `Function not found: ${functionArn(functionName, qualifier)}`);

/** GetAlias on an alias that does not exist. */
export const aliasNotFound = (functionName: string, alias: string) =>
  new ServiceError('ResourceNotFoundException', `Cannot find alias arn: ${functionArn(functionName, alias)}`);

/** UpdateAlias on an alias that does not exist (AWS words it differently from GetAlias). */
export const aliasNotFoundForUpdate = (functionName: string, alias: string) =>
  new ServiceError('ResourceNotFoundException', `Alias not found: ${functionArn(functionName, alias)}`);

export const revisionMismatch = () =>
  new ServiceError(
    'PreconditionFailedException',
    'The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id',
  );

/** Two writes on one function at once (AWS's answer while an update is in progress). */
export const updateInProgress = (functionName: string) =>
  resourceConflict(
    `The operation cannot be performed at this time. An update is in progress for resource: ${functionArn(functionName)}`,
  );
