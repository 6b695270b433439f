import { describe, expect, it } from 'vitest';
import { InvalidAuthorizerOutput, readAuthorizerOutput } from './authorizer-policy';

const ARN = 'arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/1';
const output = (statements: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ principalId: 'u1', policyDocument: { Version: '2012-10-17', Statement: statements }, ...extra });

describe('a Lambda authorizer’s answer', () => {
  it('allows what an Allow statement covers, `*` matching across slashes; an explicit Deny wins', () => {
    const allowAll = readAuthorizerOutput(
      output([
        {
          Effect: 'Allow',
          Action: 'execute-api:Invoke',
          Resource: 'arn:aws:execute-api:us-east-1:123456789012:abc123/prod/*',
        },
      ]),
    );
    expect(allowAll.evaluate(ARN)).toBe('allow');
    expect(allowAll.evaluate(ARN.replace('/prod/', '/dev/'))).toBe('implicit');
    const denied = readAuthorizerOutput(
      output([
        { Effect: 'Allow', Action: '*', Resource: '*' },
        { Effect: 'Deny', Action: ['execute-api:*'], Resource: [ARN] },
      ]),
    );
    expect(denied.evaluate(ARN)).toBe('deny');
    const otherAction = readAuthorizerOutput(
      output([{ Effect: 'Allow', Action: 'execute-api:ManageConnections', Resource: '*' }]),
    );
    expect(otherAction.evaluate(ARN)).toBe('implicit');
  });

  it('keeps principalId, context values and usageIdentifierKey', () => {
    const read = readAuthorizerOutput(
      output([{ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: '*' }], {
        context: { s: 'x', n: 1, b: false },
        usageIdentifierKey: 'key-value',
      }),
    );
    // AWS's quirk, named: numbers and booleans come out as text (its context is a map of strings)
    expect(read).toMatchObject({
      principalId: 'u1',
      context: { s: 'x', n: '1', b: 'false' },
      usageIdentifierKey: 'key-value',
    });
  });

  it('refuses answers that are no authorizer output (AWS: AUTHORIZER_CONFIGURATION_ERROR)', () => {
    for (const payload of [
      'not json',
      '"text"',
      JSON.stringify({ policyDocument: { Statement: [] } }),
      JSON.stringify({ principalId: 'u' }),
      output([{ Effect: 'Maybe', Action: '*', Resource: '*' }]),
      output([{ Effect: 'Allow', Action: '*' }]),
      output([{ Effect: 'Allow', Action: '*', Resource: '*' }], { context: { nested: { a: 1 } } }),
    ]) {
      expect(() => readAuthorizerOutput(payload), payload).toThrow(InvalidAuthorizerOutput);
    }
  });
});
