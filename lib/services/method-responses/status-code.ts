// The status code a method response or an integration response is keyed by: three digits, 100 to 599 (AWS's model
// pattern `[1-5]\d\d`), and AWS's NotFound message for a code the method does not have.
import { badRequest, notFound, type ServiceError } from '../errors';

const STATUS_CODE = /^[1-5]\d\d$/;

export function checkStatusCode(statusCode: string): void {
  if (!STATUS_CODE.test(statusCode)) {
    throw badRequest(
      `1 validation error detected: Value '${statusCode}' at 'statusCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [1-5]\\d\\d`,
    );
  }
}

export const responseNotFound = (): ServiceError => notFound('Invalid Response status code specified');
