import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../snapshot/snapshot-schema';
import { renderGatewayResponse } from './responses';

const request = { headers: { origin: 'https://app.example' }, query: {}, path: {} };
const snapshotWith = (gatewayResponses: Snapshot['gatewayResponses']) => ({ gatewayResponses }) as Snapshot;

describe('gateway responses', () => {
  it('renders AWS’s defaults', () => {
    expect(renderGatewayResponse({ responseType: 'THROTTLED', context: {}, request })).toEqual({
      status: 429,
      headers: { 'Content-Type': 'application/json', 'x-amzn-ErrorType': 'TooManyRequestsException' },
      body: '{"message":"Too Many Requests"}',
    });
    expect(renderGatewayResponse({ responseType: 'AUTHORIZER_CONFIGURATION_ERROR', context: {}, request }).body).toBe(
      '{"message":null}',
    );
  });

  it('applies a type’s customisation: status, headers from the request or statics, template with $context', () => {
    const snapshot = snapshotWith({
      MISSING_AUTHENTICATION_TOKEN: {
        statusCode: '404',
        responseParameters: {
          'gatewayresponse.header.Access-Control-Allow-Origin': 'method.request.header.Origin',
          'gatewayresponse.header.X-Static': "'yes'",
        },
        responseTemplates: {
          'application/json': '{"error": $context.error.messageString, "id": "$context.requestId"}',
        },
      },
    });
    expect(
      renderGatewayResponse({
        responseType: 'MISSING_AUTHENTICATION_TOKEN',
        snapshot,
        context: { requestId: 'r-1' },
        request,
      }),
    ).toEqual({
      status: 404,
      headers: {
        'Content-Type': 'application/json',
        'x-amzn-ErrorType': 'MissingAuthenticationTokenException',
        'Access-Control-Allow-Origin': 'https://app.example',
        'X-Static': 'yes',
      },
      body: '{"error": "Missing Authentication Token", "id": "r-1"}',
    });
  });

  it('falls back to DEFAULT_4XX / DEFAULT_5XX for types without their own customisation', () => {
    const snapshot = snapshotWith({
      DEFAULT_5XX: {
        statusCode: '503',
        responseParameters: {},
        responseTemplates: { 'application/json': '{"down": true}' },
      },
    });
    expect(
      renderGatewayResponse({ responseType: 'INTEGRATION_TIMEOUT', snapshot, context: {}, request }),
    ).toMatchObject({
      status: 503,
      body: '{"down": true}',
    });
    expect(renderGatewayResponse({ responseType: 'THROTTLED', snapshot, context: {}, request }).status).toBe(429);
  });
});
