import { describe, expect, it } from 'vitest';
import { checkRoutingWeights } from './alias-input';

describe('checkRoutingWeights', () => {
  it('keeps one weighted version, and none for an empty configuration', () => {
    expect(checkRoutingWeights('1', { '2': 0.1 })).toEqual({ '2': 0.1 });
    expect(checkRoutingWeights('1', { '2': 0 })).toEqual({ '2': 0 });
    expect(checkRoutingWeights('1', {})).toBeUndefined();
    expect(checkRoutingWeights('$LATEST', undefined)).toBeUndefined();
  });

  it('refuses what Lambda refuses, in Lambda’s order', () => {
    expect(() => checkRoutingWeights('1', { '2': 0.1, '3': 0.1 })).toThrow(
      'Number of items in AdditionalVersionWeights cannot be greater than 1',
    );
    expect(() => checkRoutingWeights('1', { '2': -0.1 })).toThrow(/Value '\{2=-0.1\}'/);
    expect(() => checkRoutingWeights('1', { '1': 0.5 })).toThrow('Function version 1 is already included');
    expect(() => checkRoutingWeights('$LATEST', { '2': 0.5 })).toThrow('$LATEST is not supported');
    expect(() => checkRoutingWeights('1', { beta: 0.5 })).toThrow(/Map keys must satisfy constraint/);
  });
});
