import { describe, expect, it } from 'vitest';
import { invocationLog, logTail } from './invocation-log';

describe('invocation logs', () => {
  it('wraps what the function logged in Lambda’s START, END and REPORT lines', () => {
    const log = invocationLog({ requestId: 'r-1', version: '3', logs: 'a\nb', durationMs: 1.234, memorySize: 128 });
    expect(log).toBe(
      'START RequestId: r-1 Version: 3\na\nb\nEND RequestId: r-1\nREPORT RequestId: r-1\tDuration: 1.23 ms\tBilled Duration: 2 ms\tMemory Size: 128 MB\t\n',
    );
  });

  it('tails the last 4 KB, base64', () => {
    expect(Buffer.from(logTail('short'), 'base64').toString()).toBe('short');
    const tail = Buffer.from(logTail(`${'a'.repeat(5000)}end`), 'base64').toString();
    expect(tail).toHaveLength(4096);
    expect(tail.endsWith('aend')).toBe(true);
  });
});
