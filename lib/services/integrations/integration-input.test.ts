import { describe, expect, it } from 'vitest';
import { checkAwsUri, checkHttpUri, checkIntegration, type IntegrationFields } from './integration-input';

const base: IntegrationFields = {
  type: 'HTTP',
  httpMethod: 'get',
  uri: 'https://example.com/pets/{id}',
  credentials: null,
  connectionType: 'INTERNET',
  connectionId: null,
  requestParameters: {},
  requestTemplates: {},
  passthroughBehavior: 'WHEN_NO_MATCH',
  contentHandling: null,
  timeoutInMillis: 29000,
  cacheNamespace: 'abc123',
  cacheKeyParameters: [],
  tlsConfig: null,
};
const check = (fields: Partial<IntegrationFields>, declared: Record<string, boolean> = {}) =>
  checkIntegration({ ...base, ...fields }, declared, 'putIntegrationInput');

describe('integration checks', () => {
  it('upper-cases the integration verb', () => {
    expect(check({}).httpMethod).toBe('GET');
  });

  it('needs a verb for every type but MOCK', () => {
    for (const type of ['HTTP', 'HTTP_PROXY', 'AWS', 'AWS_PROXY']) {
      expect(() => check({ type, httpMethod: null })).toThrow('Enumeration value for HttpMethod must be non-empty');
    }
    expect(() => check({ type: 'MOCK', httpMethod: null, uri: null })).not.toThrow();
  });

  it('names the valid types', () => {
    expect(() => check({ type: 'FOO' })).toThrow(
      "1 validation error detected: Value 'FOO' at 'putIntegrationInput.type' failed to satisfy constraint: Member must satisfy enum value set: [HTTP, AWS, MOCK, HTTP_PROXY, AWS_PROXY]",
    );
  });

  it('checks timeouts, connection and enumerations', () => {
    expect(() => check({ timeoutInMillis: 49 })).toThrow('Timeout should be between 50 ms and 29000 ms');
    expect(() => check({ timeoutInMillis: 29001 })).toThrow('Timeout should be between 50 ms and 29000 ms');
    expect(() => check({ timeoutInMillis: 50 })).not.toThrow();
    expect(() => check({ connectionType: 'VPC_LINK' })).toThrow('connectionId');
    expect(() => check({ connectionType: 'VPC_LINK', connectionId: 'vpc123' })).not.toThrow();
    expect(() => check({ passthroughBehavior: 'SOMETIMES' })).toThrow("'putIntegrationInput.passthroughBehavior'");
    expect(() => check({ contentHandling: 'CONVERT_TO_JSON' })).toThrow("'putIntegrationInput.contentHandling'");
  });

  it('cache key parameters must be declared method request parameters', () => {
    expect(() => check({ cacheKeyParameters: ['method.request.path.id'] })).toThrow(
      'Invalid cache key parameter specified: method.request.path.id',
    );
    expect(() =>
      check({ cacheKeyParameters: ['method.request.path.id'] }, { 'method.request.path.id': true }),
    ).not.toThrow();
  });
});

describe('HTTP endpoints', () => {
  it('accepts http(s) URLs with stage variable and path placeholders', () => {
    for (const uri of [
      'http://example.com',
      'https://example.com/pets/{petId}/{proxy+}',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: AWS's stage variable syntax
      'https://${stageVariables.host}/v1',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: AWS's stage variable syntax
      'http://${stageVariables.host}:8080/${stageVariables.path}',
    ]) {
      expect(() => checkHttpUri(uri)).not.toThrow();
    }
  });

  it('refuses anything else', () => {
    for (const uri of [null, '', 'example.com/pets', 'ftp://example.com', 'https://', 'https://exa mple.com']) {
      expect(() => checkHttpUri(uri)).toThrow('Invalid HTTP endpoint specified for URI');
    }
  });
});

describe('AWS service URIs', () => {
  const lambda =
    'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f/invocations';

  it('accepts path and action ARNs; AWS_PROXY only to Lambda or Firehose', () => {
    expect(() => checkAwsUri('AWS_PROXY', lambda)).not.toThrow();
    expect(() => checkAwsUri('AWS', 'arn:aws:apigateway:us-east-1:sqs:action/SendMessage')).not.toThrow();
    expect(() => checkAwsUri('AWS', 'arn:aws:apigateway:us-east-1:s3:path/bucket/{key}')).not.toThrow();
    expect(() => checkAwsUri('AWS_PROXY', 'arn:aws:apigateway:us-east-1:sqs:action/SendMessage')).toThrow(
      "Integrations of type 'AWS_PROXY' currently only supports Lambda function and Firehose stream invocations.",
    );
  });

  it('refuses non-ARNs and ARNs without path or action', () => {
    expect(() => checkAwsUri('AWS', 'https://example.com')).toThrow('Invalid ARN specified in the request');
    expect(() => checkAwsUri('AWS', null)).toThrow('Invalid ARN specified in the request');
    expect(() => checkAwsUri('AWS', 'arn:aws:apigateway:us-east-1:sqs:foo')).toThrow(
      'AWS ARN for integration must contain path or action',
    );
  });
});
