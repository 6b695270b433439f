// Errors every service throws, named as AWS API Gateway (and, for functions, AWS Lambda; for web ACLs and IP sets,
// AWS WAFv2) names its exceptions, with the HTTP status AWS sends. The management API and the console's route handlers turn them into responses in one
// place (lib/http, lib/aws-api/lambda-protocol.ts).

export type ServiceErrorName =
  | 'BadRequestException'
  | 'UnauthorizedException'
  | 'AccessDeniedException'
  | 'NotFoundException'
  | 'ConflictException'
  | 'LimitExceededException'
  | 'TooManyRequestsException'
  | 'ServiceUnavailableException'
  // authentication failures of the management API, as AWS names them
  | 'MissingAuthenticationTokenException'
  | 'IncompleteSignatureException'
  | 'InvalidSignatureException'
  | 'UnrecognizedClientException'
  | 'ExpiredTokenException'
  | 'UnknownOperationException'
  | 'RequestEntityTooLargeException'
  | 'NotImplementedException'
  // AWS Lambda's (the /2015-03-31 functions API)
  | 'ResourceNotFoundException'
  | 'ResourceConflictException'
  | 'InvalidParameterValueException'
  | 'InvalidRequestContentException'
  | 'ValidationException'
  | 'PreconditionFailedException'
  | 'RequestTooLargeException'
  | 'ServiceException'
  // AWS WAFv2's (the /wafv2 awsJson1_1 API); a JSON body it cannot read is a SerializationException
  | 'WAFNonexistentItemException'
  | 'WAFDuplicateItemException'
  | 'WAFOptimisticLockException'
  | 'WAFAssociatedItemException'
  | 'WAFInvalidParameterException'
  | 'WAFInvalidOperationException'
  | 'WAFLimitsExceededException'
  | 'WAFInternalErrorException'
  | 'SerializationException';

const STATUS: Record<ServiceErrorName, number> = {
  BadRequestException: 400,
  UnauthorizedException: 401,
  AccessDeniedException: 403,
  NotFoundException: 404,
  ConflictException: 409,
  LimitExceededException: 429,
  TooManyRequestsException: 429,
  ServiceUnavailableException: 503,
  MissingAuthenticationTokenException: 403,
  IncompleteSignatureException: 403,
  InvalidSignatureException: 403,
  UnrecognizedClientException: 403,
  ExpiredTokenException: 403,
  UnknownOperationException: 404,
  RequestEntityTooLargeException: 413,
  NotImplementedException: 501,
  ResourceNotFoundException: 404,
  ResourceConflictException: 409,
  InvalidParameterValueException: 400,
  InvalidRequestContentException: 400,
  ValidationException: 400,
  PreconditionFailedException: 412,
  RequestTooLargeException: 413,
  ServiceException: 500,
  WAFNonexistentItemException: 400,
  WAFDuplicateItemException: 400,
  WAFOptimisticLockException: 400,
  WAFAssociatedItemException: 400,
  WAFInvalidParameterException: 400,
  WAFInvalidOperationException: 400,
  WAFLimitsExceededException: 400,
  WAFInternalErrorException: 500,
  SerializationException: 400,
};

export class ServiceError extends Error {
  readonly status: number;

  constructor(
    readonly type: ServiceErrorName,
    message: string,
  ) {
    super(message);
    this.name = type;
    this.status = STATUS[type];
  }
}

export const badRequest = (message: string) => new ServiceError('BadRequestException', message);
export const notFound = (message: string) => new ServiceError('NotFoundException', message);
export const conflict = (message: string) => new ServiceError('ConflictException', message);
export const accessDenied = (message: string) => new ServiceError('AccessDeniedException', message);
export const tooManyRequests = (message: string) => new ServiceError('TooManyRequestsException', message);
