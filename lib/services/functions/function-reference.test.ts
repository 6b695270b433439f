import { describe, expect, it } from 'vitest';
import { functionTarget } from './function-reference';

describe('functionTarget', () => {
  it('reads names, partial ARNs and ARNs, with the qualifier from the name or the parameter', () => {
    expect(functionTarget('fn')).toEqual({ functionName: 'fn' });
    expect(functionTarget('fn:live')).toEqual({ functionName: 'fn', qualifier: 'live' });
    expect(functionTarget('123456789012:function:fn', '3')).toEqual({ functionName: 'fn', qualifier: '3' });
    expect(functionTarget('arn:aws:lambda:us-east-1:123456789012:function:fn:$LATEST', '$LATEST')).toEqual({
      functionName: 'fn',
      qualifier: '$LATEST',
    });
    expect(functionTarget('fn', '')).toEqual({ functionName: 'fn' });
  });

  it('answers Lambda’s errors', () => {
    expect(() => functionTarget('fn:1', '2')).toThrow(
      'The derived qualifier from the function name does not match the specified qualifier.',
    );
    expect(() => functionTarget('no spaces')).toThrow(/Value 'no spaces' at 'functionName' failed to satisfy/);
    expect(() => functionTarget('fn', 'a.b')).toThrow(/Value 'a.b' at 'qualifier'/);
    expect(() => functionTarget('fn:1', false)).toThrow(/at 'functionName'/);
    expect(() => functionTarget('arn:aws:lambda:eu-west-1:123456789012:function:fn')).toThrow(
      'Function not found: arn:aws:lambda:eu-west-1:123456789012:function:fn',
    );
  });
});
