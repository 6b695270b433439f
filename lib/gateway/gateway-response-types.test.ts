import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RESPONSE_TEMPLATE,
  defaultClassOf,
  GATEWAY_RESPONSE_CATALOG,
  GATEWAY_RESPONSE_TYPES,
  isGatewayResponseType,
} from './gateway-response-types';

describe('gateway response catalog', () => {
  it('has one entry per AWS response type, keyed by its own name', () => {
    expect(GATEWAY_RESPONSE_TYPES).toHaveLength(21);
    expect(Object.keys(GATEWAY_RESPONSE_CATALOG).sort()).toEqual([...GATEWAY_RESPONSE_TYPES].sort());
    for (const type of GATEWAY_RESPONSE_TYPES) expect(GATEWAY_RESPONSE_CATALOG[type].responseType).toBe(type);
  });

  it('carries AWS’s default status codes (none for DEFAULT_4XX / DEFAULT_5XX)', () => {
    const codes = Object.fromEntries(GATEWAY_RESPONSE_TYPES.map((t) => [t, GATEWAY_RESPONSE_CATALOG[t].statusCode]));
    expect(codes).toEqual({
      ACCESS_DENIED: '403',
      API_CONFIGURATION_ERROR: '500',
      AUTHORIZER_CONFIGURATION_ERROR: '500',
      AUTHORIZER_FAILURE: '500',
      BAD_REQUEST_BODY: '400',
      BAD_REQUEST_PARAMETERS: '400',
      DEFAULT_4XX: undefined,
      DEFAULT_5XX: undefined,
      EXPIRED_TOKEN: '403',
      INTEGRATION_FAILURE: '504',
      INTEGRATION_TIMEOUT: '504',
      INVALID_API_KEY: '403',
      INVALID_SIGNATURE: '403',
      MISSING_AUTHENTICATION_TOKEN: '403',
      QUOTA_EXCEEDED: '429',
      REQUEST_TOO_LARGE: '413',
      RESOURCE_NOT_FOUND: '404',
      THROTTLED: '429',
      UNAUTHORIZED: '401',
      UNSUPPORTED_MEDIA_TYPE: '415',
      WAF_FILTERED: '403',
    });
    expect('statusCode' in GATEWAY_RESPONSE_CATALOG.DEFAULT_4XX).toBe(false);
  });

  it('carries the default messages and error types the gateway sends', () => {
    expect(GATEWAY_RESPONSE_CATALOG.MISSING_AUTHENTICATION_TOKEN).toMatchObject({
      message: 'Missing Authentication Token',
      errorType: 'MissingAuthenticationTokenException',
    });
    expect(GATEWAY_RESPONSE_CATALOG.UNAUTHORIZED).toMatchObject({
      message: 'Unauthorized',
      errorType: 'UnauthorizedException',
    });
    expect(GATEWAY_RESPONSE_CATALOG.AUTHORIZER_CONFIGURATION_ERROR.message).toBeNull();
    expect(GATEWAY_RESPONSE_CATALOG.UNSUPPORTED_MEDIA_TYPE).toMatchObject({
      message: 'Unsupported Media Type',
      errorType: 'BadRequestException',
    });
    expect(DEFAULT_RESPONSE_TEMPLATE).toBe('{"message":$context.error.messageString}');
  });

  it('recognises type names exactly', () => {
    expect(isGatewayResponseType('THROTTLED')).toBe(true);
    expect(isGatewayResponseType('throttled')).toBe(false);
    expect(isGatewayResponseType('FAKE_RESPONSE_TYPE')).toBe(false);
  });

  it('puts each type in the DEFAULT_ class of its status code', () => {
    expect(defaultClassOf('THROTTLED')).toBe('DEFAULT_4XX');
    expect(defaultClassOf('REQUEST_TOO_LARGE')).toBe('DEFAULT_4XX');
    expect(defaultClassOf('INTEGRATION_TIMEOUT')).toBe('DEFAULT_5XX');
    expect(defaultClassOf('AUTHORIZER_FAILURE')).toBe('DEFAULT_5XX');
    expect(defaultClassOf('DEFAULT_4XX')).toBeNull();
    expect(defaultClassOf('DEFAULT_5XX')).toBeNull();
  });
});
