// AWS's gateway response types as pure data (reference §10.1): the default status code of each type, the message the
// gateway puts in `$context.error.messageString`, and the `x-amzn-ErrorType` header it sends. The management API
// reports these defaults (GetGatewayResponses) and the gateway renders them. Entries marked (?) are not confirmed
// against a recorded AWS response.

/** In the order AWS lists them in its own validation messages. */
export const GATEWAY_RESPONSE_TYPES = [
  'REQUEST_TOO_LARGE',
  'RESOURCE_NOT_FOUND',
  'AUTHORIZER_CONFIGURATION_ERROR',
  'MISSING_AUTHENTICATION_TOKEN',
  'BAD_REQUEST_BODY',
  'INVALID_SIGNATURE',
  'INVALID_API_KEY',
  'BAD_REQUEST_PARAMETERS',
  'AUTHORIZER_FAILURE',
  'UNAUTHORIZED',
  'INTEGRATION_TIMEOUT',
  'ACCESS_DENIED',
  'DEFAULT_4XX',
  'DEFAULT_5XX',
  'WAF_FILTERED',
  'QUOTA_EXCEEDED',
  'THROTTLED',
  'API_CONFIGURATION_ERROR',
  'UNSUPPORTED_MEDIA_TYPE',
  'INTEGRATION_FAILURE',
  'EXPIRED_TOKEN',
] as const;

export type GatewayResponseType = (typeof GATEWAY_RESPONSE_TYPES)[number];

export interface GatewayResponseTypeInfo {
  responseType: GatewayResponseType;
  /** absent for DEFAULT_4XX and DEFAULT_5XX, which only stand in for the types of their class */
  statusCode?: string;
  /** the default `$context.error.messageString` (null renders as `{"message":null}`) */
  message: string | null;
  /** the `x-amzn-ErrorType` header */
  errorType?: string;
  /** the body the gateway renders when the API has not customised the type, if not DEFAULT_RESPONSE_TEMPLATE */
  template?: string;
}

/** The template every default response renders with (`application/json`). */
export const DEFAULT_RESPONSE_TEMPLATE = '{"message":$context.error.messageString}';

const entry = (
  responseType: GatewayResponseType,
  statusCode: string | undefined,
  message: string | null,
  errorType?: string,
): GatewayResponseTypeInfo => ({
  responseType,
  ...(statusCode !== undefined && { statusCode }),
  message,
  ...(errorType !== undefined && { errorType }),
});

export const GATEWAY_RESPONSE_CATALOG: Readonly<Record<GatewayResponseType, GatewayResponseTypeInfo>> = {
  ACCESS_DENIED: {
    ...entry('ACCESS_DENIED', '403', 'User is not authorized to access this resource', 'AccessDeniedException'),
    // AWS's quirk: this refusal's body says "Message", capitalised (resource policies; LocalStack notes it for
    // authorizer denials too). GetGatewayResponse still shows the common default template.
    template: '{"Message":$context.error.messageString}',
  },
  API_CONFIGURATION_ERROR: entry(
    'API_CONFIGURATION_ERROR',
    '500',
    'Internal server error',
    'InternalServerErrorException',
  ),
  AUTHORIZER_CONFIGURATION_ERROR: entry(
    'AUTHORIZER_CONFIGURATION_ERROR',
    '500',
    null,
    'AuthorizerConfigurationException',
  ),
  // (?) AWS documents only the status code of this one
  AUTHORIZER_FAILURE: entry('AUTHORIZER_FAILURE', '500', null, 'AuthorizerFailureException'),
  BAD_REQUEST_PARAMETERS: entry(
    'BAD_REQUEST_PARAMETERS',
    '400',
    // the gateway appends the missing names: `Missing required request parameters: [a, b]`
    'Missing required request parameters',
    'BadRequestException',
  ),
  BAD_REQUEST_BODY: entry('BAD_REQUEST_BODY', '400', 'Invalid request body', 'BadRequestException'),
  DEFAULT_4XX: entry('DEFAULT_4XX', undefined, null),
  DEFAULT_5XX: entry('DEFAULT_5XX', undefined, null),
  // (?)
  EXPIRED_TOKEN: entry(
    'EXPIRED_TOKEN',
    '403',
    'The security token included in the request is expired',
    'ExpiredTokenException',
  ),
  // (?) the error type; HTTP connection failures are observed as 500 `Internal server error`
  INTEGRATION_FAILURE: entry('INTEGRATION_FAILURE', '504', 'Internal server error', 'InternalServerErrorException'),
  // (?) the error type
  INTEGRATION_TIMEOUT: entry(
    'INTEGRATION_TIMEOUT',
    '504',
    'Endpoint request timed out',
    'InternalServerErrorException',
  ),
  INVALID_API_KEY: entry('INVALID_API_KEY', '403', 'Forbidden', 'ForbiddenException'),
  INVALID_SIGNATURE: entry(
    'INVALID_SIGNATURE',
    '403',
    'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    'InvalidSignatureException',
  ),
  MISSING_AUTHENTICATION_TOKEN: entry(
    'MISSING_AUTHENTICATION_TOKEN',
    '403',
    'Missing Authentication Token',
    'MissingAuthenticationTokenException',
  ),
  QUOTA_EXCEEDED: entry('QUOTA_EXCEEDED', '429', 'Limit Exceeded', 'LimitExceededException'),
  // sent as plain text `HTTP content length exceeded 10485760 bytes.` and never customised in practice (?)
  REQUEST_TOO_LARGE: entry(
    'REQUEST_TOO_LARGE',
    '413',
    'HTTP content length exceeded 10485760 bytes.',
    'RequestTooLargeException',
  ),
  // (?)
  RESOURCE_NOT_FOUND: entry('RESOURCE_NOT_FOUND', '404', 'Not Found', 'NotFoundException'),
  THROTTLED: entry('THROTTLED', '429', 'Too Many Requests', 'TooManyRequestsException'),
  UNAUTHORIZED: entry('UNAUTHORIZED', '401', 'Unauthorized', 'UnauthorizedException'),
  UNSUPPORTED_MEDIA_TYPE: entry('UNSUPPORTED_MEDIA_TYPE', '415', 'Unsupported Media Type', 'BadRequestException'),
  WAF_FILTERED: entry('WAF_FILTERED', '403', 'Forbidden', 'ForbiddenException'),
};

export function isGatewayResponseType(value: string): value is GatewayResponseType {
  return (GATEWAY_RESPONSE_TYPES as readonly string[]).includes(value);
}

/**
 * The DEFAULT_4XX / DEFAULT_5XX type whose customisation a type inherits when it is not customised itself, by the
 * class of its default status code; null for the two DEFAULT_ types themselves.
 */
export function defaultClassOf(type: GatewayResponseType): 'DEFAULT_4XX' | 'DEFAULT_5XX' | null {
  const statusCode = GATEWAY_RESPONSE_CATALOG[type].statusCode;
  if (statusCode === undefined) return null;
  return statusCode.startsWith('5') ? 'DEFAULT_5XX' : 'DEFAULT_4XX';
}
