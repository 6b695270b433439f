// What differs on AWS Lambda's paths (/2015-03-31/functions…) of the management API: requests are signed for
// service `lambda`, bodies may carry a deployment package, and errors are Lambda's restJson1 errors — status,
// `x-amzn-ErrorType`, and `{"Type": "User" | "Service", "Message", "message"}` (the SDK reads either spelling).
import { ServiceError } from '../services/errors';

export const LAMBDA_PATH_PREFIX = '/2015-03-31/';

export const isLambdaPath = (path: string): boolean => path.startsWith(LAMBDA_PATH_PREFIX);

/** Lambda's request limits: 6 MB for Invoke; a 50 MB package, base64 in JSON, for CreateFunction and UpdateFunctionCode. */
const INVOKE_LIMIT = 6 * 1024 * 1024;
const PACKAGE_REQUEST_LIMIT = 69_905_067;

export function lambdaBodyLimit(method: string, path: string): { maxBytes: number; tooLarge: () => ServiceError } {
  const operation = /\/invocations\/?$/.test(path)
    ? 'InvokeFunction'
    : /\/code\/?$/.test(path)
      ? 'UpdateFunctionCode'
      : method === 'POST' && /^\/2015-03-31\/functions\/?$/.test(path)
        ? 'CreateFunction'
        : undefined;
  const maxBytes = operation === 'InvokeFunction' ? INVOKE_LIMIT : PACKAGE_REQUEST_LIMIT;
  return {
    maxBytes,
    tooLarge: () =>
      new ServiceError(
        'RequestTooLargeException',
        `Request must be smaller than ${maxBytes} bytes for the ${operation ?? 'requested'} operation`,
      ),
  };
}

export function lambdaErrorResponse(error: unknown): Response {
  if (error instanceof ServiceError) {
    return Response.json(
      { Type: error.status >= 500 ? 'Service' : 'User', Message: error.message, message: error.message },
      { status: error.status, headers: { 'x-amzn-ErrorType': error.type } },
    );
  }
  console.error('Unhandled error in a Lambda API operation', error);
  return Response.json(
    { Type: 'Service', Message: 'Internal server error', message: 'Internal server error' },
    { status: 500, headers: { 'x-amzn-ErrorType': 'ServiceException' } },
  );
}
