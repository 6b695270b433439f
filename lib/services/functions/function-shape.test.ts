import { describe, expect, it } from 'vitest';
import type { FunctionRow, VersionRow } from './find-function';
import { lambdaDate, revisionId, toFunctionConfiguration } from './function-shape';

const at = new Date('2026-11-22T08:30:00.000Z');
const fn = { functionName: 'fn', role: 'arn:aws:iam::123456789012:role/r' } as FunctionRow;
const version = {
  id: 'v1',
  version: '2',
  description: null,
  runtime: 'nodejs20.x',
  handler: 'index.handler',
  timeout: 3,
  memorySize: 128,
  codeSha256: 'abc=',
  codeSize: 10,
  environmentEncrypted: null,
  updatedAt: at,
} as VersionRow;

describe('Lambda’s shapes', () => {
  it('writes dates as Lambda does', () => {
    expect(lambdaDate(at)).toBe('2026-11-22T08:30:00.000+0000');
  });

  it('derives a UUID-shaped revision from the row and its modification time', () => {
    const first = revisionId({ id: 'x', updatedAt: at });
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(revisionId({ id: 'x', updatedAt: at })).toBe(first);
    expect(revisionId({ id: 'x', updatedAt: new Date(at.getTime() + 1) })).not.toBe(first);
  });

  it('shapes a version’s configuration, qualified as asked, lists without the state fields', () => {
    const shaped = toFunctionConfiguration(fn, version, { environment: {}, arnQualifier: '2' });
    expect(shaped).toMatchObject({
      FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:fn:2',
      Version: '2',
      Description: '',
      LastModified: '2026-11-22T08:30:00.000+0000',
      State: 'Active',
      LastUpdateStatus: 'Successful',
    });
    expect(shaped.Environment).toBeUndefined();
    const listed = toFunctionConfiguration(fn, version, { environment: { A_B: '********' }, listing: true });
    expect(listed.FunctionArn).toBe('arn:aws:lambda:us-east-1:123456789012:function:fn');
    expect(listed.State).toBeUndefined();
    expect(listed.Environment).toEqual({ Variables: { A_B: '********' } });
  });
});
