import { describe, expect, it } from 'vitest';
import { createGatewayContext } from '../pipeline/gateway-context';
import { proxyResponse } from './lambda-proxy';

const ctx = (accept?: string) =>
  createGatewayContext({
    requestId: 'r',
    apigwId: 'a',
    startedAt: 0,
    method: 'GET',
    url: '/x',
    path: '/x',
    rawQuery: '',
    rawHeaders: accept ? ['Accept', accept] : [],
    host: 'h',
    sourceIp: '127.0.0.1',
    body: Buffer.alloc(0),
  });

describe('a Lambda proxy answer as the response', () => {
  it('defaults to 200, application/json and an empty body', () => {
    const result = proxyResponse(ctx(), '{}');
    expect(result.status).toBe(200);
    expect(result.body).toBe('');
    expect(result.headers['Content-Type']).toBe('application/json');
  });

  it('keeps the function’s Content-Type in its own casing, and remaps headers AWS keeps for itself', () => {
    const result = proxyResponse(
      ctx(),
      JSON.stringify({
        headers: { 'content-type': 'text/plain', 'Content-Length': '99', Date: 'x', 'X-Ok': 1 },
        body: 'hi',
      }),
    );
    expect(result.headers).toMatchObject({
      'content-type': 'text/plain',
      'x-amzn-Remapped-Content-Length': '99',
      'x-amzn-Remapped-Date': 'x',
      'X-Ok': '1',
    });
    expect(result.headers).not.toHaveProperty('Content-Type');
  });

  it('refuses what is no proxy answer', () => {
    for (const payload of [
      'null',
      '[]',
      '"x"',
      '{"statusCode": 1000}',
      '{"statusCode": "2xx"}',
      '{"foo": 1}',
      '{"headers": [1]}',
      '{"headers": {"a": {}}}',
      '{"body": 5}',
    ]) {
      expect(() => proxyResponse(ctx(), payload), payload).toThrow();
    }
  });
});
