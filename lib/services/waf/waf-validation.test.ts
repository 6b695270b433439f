import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ServiceError } from '../errors';
import { entityDescription, entityName, lockToken, parseWafInput, scope, visibilityConfig } from './waf-validation';

const schema = z.object({
  Name: entityName,
  Scope: scope,
  Description: entityDescription.optional(),
  LockToken: lockToken.optional(),
  Items: z.array(z.object({ VisibilityConfig: visibilityConfig })).optional(),
});

function failure(input: unknown): ServiceError {
  try {
    parseWafInput(schema, input);
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('parseWafInput', () => {
  it('answers the input, JSON nulls read as absent', () => {
    expect(parseWafInput(schema, { Name: 'a_b-1', Scope: 'REGIONAL', Description: null })).toEqual({
      Name: 'a_b-1',
      Scope: 'REGIONAL',
    });
  });

  it('reports Smithy’s constraint violations, one per member, named as AWS names them', () => {
    const error = failure({
      Scope: 'GLOBAL',
      Description: 'ab',
      LockToken: 'ABC',
      Items: [{ VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true } }],
    });
    expect(error.type).toBe('ValidationException');
    expect(error.message).toBe(
      [
        "5 validation errors detected: Value null at 'name' failed to satisfy constraint: Member must not be null",
        "Value 'GLOBAL' at 'scope' failed to satisfy constraint: Member must satisfy enum value set: [CLOUDFRONT, REGIONAL]",
        "Value 'ab' at 'description' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[\\w+=:#@/\\-,\\.][\\w+=:#@/\\-,\\.\\s]+[\\w+=:#@/\\-,\\.]$",
        "Value 'ABC' at 'lockToken' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$",
        "Value null at 'items.1.member.visibilityConfig.metricName' failed to satisfy constraint: Member must not be null",
      ].join('; '),
    );
    expect(failure({ Name: 'x'.repeat(129), Scope: 'REGIONAL' }).message).toBe(
      `1 validation error detected: Value '${'x'.repeat(129)}' at 'name' failed to satisfy constraint: Member must have length less than or equal to 128`,
    );
  });

  it('refuses a member of the wrong JSON type, or a body that is no object, as a SerializationException', () => {
    expect(failure({ Name: 5, Scope: 'REGIONAL' })).toMatchObject({ type: 'SerializationException' });
    expect(failure([])).toMatchObject({ type: 'SerializationException' });
    expect(failure('text')).toMatchObject({ type: 'SerializationException' });
  });
});
