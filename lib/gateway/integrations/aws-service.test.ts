import { afterEach, describe, expect, it } from 'vitest';
import { maskedAwsHeaders, parseAwsServiceUri } from './aws-service';
import { backendTarget } from './build-uri';

const endpointSettings = ['AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_SFN'] as const;
const before = Object.fromEntries(endpointSettings.map((name) => [name, process.env[name]]));
afterEach(() => {
  for (const name of endpointSettings) {
    if (before[name] === undefined) delete process.env[name];
    else process.env[name] = before[name];
  }
});

function where(uri: string, path: Record<string, string> = {}, query: Array<[string, string]> = []) {
  const target = parseAwsServiceUri(uri);
  if (!target) throw new Error(`not an AWS service URI: ${uri}`);
  return { ...target, ...backendTarget(target.uri, path, {}, query) };
}

describe('AWS service URIs', () => {
  it('send `path/` URIs to the service’s regional endpoint, path values filled in', () => {
    expect(where('arn:aws:apigateway:eu-west-1:sqs:path/123456789012/{queue}', { queue: 'orders' })).toMatchObject({
      region: 'eu-west-1',
      service: 'sqs',
      signingName: 'sqs',
      target: undefined,
      origin: 'https://sqs.eu-west-1.amazonaws.com',
      path: '/123456789012/orders',
    });
  });

  it('put a subdomain before the service’s host', () => {
    expect(where('arn:aws:apigateway:us-west-2:photos.s3:path/{key}', { key: 'cat.jpg' })).toMatchObject({
      service: 's3',
      signingName: 's3',
      origin: 'https://photos.s3.us-west-2.amazonaws.com',
      path: '/cat.jpg',
    });
  });

  it('send `action/` URIs to the endpoint’s root with `Action=`, parameters the URI carries, then mapped ones', () => {
    expect(
      where('arn:aws:apigateway:us-east-1:sqs:action/SendMessage&QueueUrl=q1', {}, [['MessageBody', 'a b']]),
    ).toMatchObject({
      origin: 'https://sqs.us-east-1.amazonaws.com',
      path: '/?Action=SendMessage&QueueUrl=q1&MessageBody=a%20b',
    });
  });

  it('add X-Amz-Target to the actions of JSON services, and only to actions', () => {
    expect(where('arn:aws:apigateway:us-east-1:dynamodb:action/PutItem').target).toBe('DynamoDB_20120810.PutItem');
    expect(where('arn:aws:apigateway:us-east-1:kinesis:action/PutRecord').target).toBe('Kinesis_20131202.PutRecord');
    expect(where('arn:aws:apigateway:us-east-1:states:action/StartExecution').target).toBe(
      'AWSStepFunctions.StartExecution',
    );
    expect(where('arn:aws:apigateway:us-east-1:dynamodb:path/x').target).toBeUndefined();
    expect(where('arn:aws:apigateway:us-east-1:sns:action/Publish').target).toBeUndefined();
  });

  it('sign for the service’s signing name', () => {
    expect(where('arn:aws:apigateway:us-east-1:email:action/SendEmail').signingName).toBe('ses');
  });

  it('use the AWS SDKs’ endpoint settings: the service’s own (by its SDK id), then the general one', () => {
    process.env.AWS_ENDPOINT_URL_SFN = 'http://127.0.0.1:8083/';
    process.env.AWS_ENDPOINT_URL = 'http://127.0.0.1:4566';
    expect(where('arn:aws:apigateway:us-east-1:states:action/StartExecution')).toMatchObject({
      origin: 'http://127.0.0.1:8083',
      path: '/?Action=StartExecution',
    });
    expect(where('arn:aws:apigateway:us-east-1:photos.s3:path/{key}', { key: 'a/b c' })).toMatchObject({
      origin: 'http://127.0.0.1:4566',
      path: '/a/b%20c',
    });
  });

  it('refuse what is not a service URI', () => {
    expect(parseAwsServiceUri('https://example.com')).toBeUndefined();
    expect(parseAwsServiceUri('arn:aws:apigateway:us-east-1:sqs:queue/x')).toBeUndefined();
  });
});

describe('execution log headers', () => {
  it('mask the signature and the session token', () => {
    expect(
      maskedAwsHeaders({
        authorization: 'AWS4-HMAC-SHA256 Credential=AKIA/20261122/us-east-1/sqs/aws4_request, Signature=abcdef0123',
        'x-amz-security-token': 'secret-token-7890',
        'x-amz-date': '20261122T000000Z',
      }),
    ).toEqual({ authorization: '****0123', 'x-amz-security-token': '****7890', 'x-amz-date': '20261122T000000Z' });
  });
});
