import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ServiceError } from '../errors';
import { checkEnvironment, checkRuntime, functionSettings } from './function-input';
import { parseLambdaInput } from './lambda-validation';

const fail = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof ServiceError) return { type: error.type, message: error.message };
    throw error;
  }
  throw new Error('expected a ServiceError');
};

describe('Lambda input validation', () => {
  const schema = z.object({
    Role: functionSettings.Role,
    Timeout: functionSettings.Timeout.optional(),
    Environment: functionSettings.Environment.optional(),
  });

  it('reports every constraint violation in AWS’s words, members in camelCase', () => {
    expect(fail(() => parseLambdaInput(schema, { Timeout: 0 }))).toEqual({
      type: 'ValidationException',
      message:
        "2 validation errors detected: Value null at 'role' failed to satisfy constraint: Member must not be null; Value '0' at 'timeout' failed to satisfy constraint: Member must have value greater than or equal to 1",
    });
  });

  it('never shows an environment value', () => {
    const failure = fail(() =>
      parseLambdaInput(schema, { Role: 'arn:aws:iam::123456789012:role/r', Environment: { Variables: { A_B: 5 } } }),
    );
    expect(failure.type).toBe('InvalidRequestContentException');
    expect(failure.message).not.toContain('5');
  });

  it('refuses a value of the wrong type as an unreadable body', () => {
    const role = 'arn:aws:iam::123456789012:role/r';
    expect(fail(() => parseLambdaInput(schema, { Role: role, Timeout: 'ten' }))).toEqual({
      type: 'InvalidRequestContentException',
      message: "Could not parse request body into json: 'timeout' must be a number",
    });
    expect(fail(() => parseLambdaInput(schema, { Role: role, Timeout: 1.5 })).message).toBe(
      "Could not parse request body into json: 'timeout' must be an integer",
    );
    expect(fail(() => parseLambdaInput(schema, [])).message).toBe(
      "Could not parse request body into json: 'body' must be an object",
    );
    // JSON null is an absent member
    expect(parseLambdaInput(schema, { Role: role, Timeout: null })).toEqual({ Role: role });
  });
});

describe('checkEnvironment', () => {
  it('accepts Lambda’s variable names within 4 KB', () => {
    expect(() =>
      checkEnvironment({ DB_HOST: 'db', api_key2: 'x', NODE_OPTIONS: '--enable-source-maps' }),
    ).not.toThrow();
  });

  it('refuses bad names without echoing values, reserved names, and more than 4 KB', () => {
    const badName = fail(() => checkEnvironment({ 'A-B': 'hidden-value' }));
    expect(badName.type).toBe('ValidationException');
    expect(badName.message).not.toContain('hidden-value');
    expect(fail(() => checkEnvironment({ X: 'single letter' })).type).toBe('ValidationException');
    expect(fail(() => checkEnvironment({ AWS_REGION: 'x', LAMBDA_TASK_ROOT: 'y' })).message).toMatch(
      /Reserved keys used in this request: AWS_REGION, LAMBDA_TASK_ROOT$/,
    );
    expect(fail(() => checkEnvironment({ BIG: 'x'.repeat(4096) })).type).toBe('InvalidParameterValueException');
  });

  it('refuses variables the loader, libc or OpenSSL read before the permission model applies', () => {
    for (const name of ['LD_PRELOAD', 'LD_LIBRARY_PATH', 'OPENSSL_CONF', 'GCONV_PATH', 'GLIBC_TUNABLES', 'ld_audit']) {
      const failure = fail(() => checkEnvironment({ [name]: './evil.so' }));
      expect([name, failure.type]).toEqual([name, 'InvalidParameterValueException']);
      expect(failure.message).not.toContain('evil.so');
    }
  });

  it('keeps the permission model’s flags out of NODE_OPTIONS, without echoing the value', () => {
    for (const options of ['--allow-fs-read=*', '--enable-source-maps --allow-child-process', '-r ./x.js']) {
      const failure = fail(() => checkEnvironment({ NODE_OPTIONS: options }));
      expect(failure.type).toBe('InvalidParameterValueException');
      expect(failure.message).not.toContain(options);
    }
  });
});

describe('checkRuntime', () => {
  it('takes the Node.js runtimes only', () => {
    expect(() => checkRuntime('nodejs22.x')).not.toThrow();
    expect(fail(() => checkRuntime('python3.12')).type).toBe('InvalidParameterValueException');
  });
});
