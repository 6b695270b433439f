import { afterEach, describe, expect, it } from 'vitest';
import { compileAuthorizers, type UserPoolAuthorizer, userPoolIssuer, userPoolIssuers } from './compile-authorizers';

const ARN = 'arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbC123';

afterEach(() => {
  delete process.env.PORTICO_COGNITO_IDP_ENDPOINT;
});

describe('user pool issuers', () => {
  it('is Amazon Cognito’s issuer for the pool’s region by default', () => {
    expect(userPoolIssuer(ARN)).toBe('https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123');
  });

  it('is `{endpoint}/{poolId}` when an identity provider endpoint is configured', () => {
    process.env.PORTICO_COGNITO_IDP_ENDPOINT = 'http://127.0.0.1:9229/';
    expect(userPoolIssuer(ARN)).toBe('http://127.0.0.1:9229/eu-west-1_AbC123');
  });

  it('resolves a pool named by a stage variable per request, and names no pool for a missing or unsafe one', () => {
    const [authorizer] = compileAuthorizers([
      {
        id: 'a1',
        name: 'pool',
        type: 'COGNITO_USER_POOLS',
        authorizerResultTtlInSeconds: 300,
        // biome-ignore lint/suspicious/noTemplateCurlyInString: AWS's stage variable syntax
        providerARNs: [ARN, 'arn:aws:cognito-idp:us-east-1:123456789012:userpool/${stageVariables.pool}'],
        identitySource: 'method.request.header.X-Token',
      },
    ]).values() as Iterable<UserPoolAuthorizer>;
    expect(authorizer?.header).toBe('x-token');
    expect(userPoolIssuers(authorizer as UserPoolAuthorizer, { pool: 'us-east-1_Prod' })).toEqual([
      'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123',
      'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Prod',
    ]);
    expect(userPoolIssuers(authorizer as UserPoolAuthorizer, {})).toHaveLength(1);
    expect(userPoolIssuers(authorizer as UserPoolAuthorizer, { pool: '../admin' })).toHaveLength(1);
  });

  it('anchors identityValidationExpression: the whole aud must match', () => {
    const [authorizer] = compileAuthorizers([
      {
        id: 'a1',
        name: 'pool',
        type: 'COGNITO_USER_POOLS',
        authorizerResultTtlInSeconds: 300,
        providerARNs: [ARN],
        identityValidationExpression: 'client-[ab]',
      },
    ]).values() as Iterable<UserPoolAuthorizer>;
    expect(authorizer?.header).toBe('authorization');
    expect(authorizer?.audience?.test('client-a')).toBe(true);
    expect(authorizer?.audience?.test('my-client-a')).toBe(false);
  });
});
