import { describe, expect, it } from 'vitest';
import { ServiceError } from '../services/errors';
import { isLambdaPath, lambdaBodyLimit, lambdaErrorResponse } from './lambda-protocol';

describe('Lambda’s protocol', () => {
  it('knows Lambda’s paths', () => {
    expect(isLambdaPath('/2015-03-31/functions')).toBe(true);
    expect(isLambdaPath('/restapis')).toBe(false);
  });

  it('limits Invoke to 6 MB and package uploads to Lambda’s CreateFunction limit', () => {
    expect(lambdaBodyLimit('POST', '/2015-03-31/functions/fn/invocations').maxBytes).toBe(6 * 1024 * 1024);
    const create = lambdaBodyLimit('POST', '/2015-03-31/functions');
    expect(create.maxBytes).toBe(69_905_067);
    expect(create.tooLarge().message).toBe(
      'Request must be smaller than 69905067 bytes for the CreateFunction operation',
    );
    expect(lambdaBodyLimit('PUT', '/2015-03-31/functions/fn/code').tooLarge().message).toContain('UpdateFunctionCode');
  });

  it('answers status, x-amzn-ErrorType and Lambda’s error body', async () => {
    const response = lambdaErrorResponse(new ServiceError('ResourceNotFoundException', 'Function not found: x'));
    expect(response.status).toBe(404);
    expect(response.headers.get('x-amzn-ErrorType')).toBe('ResourceNotFoundException');
    expect(await response.json()).toEqual({
      Type: 'User',
      Message: 'Function not found: x',
      message: 'Function not found: x',
    });
    const crash = lambdaErrorResponse(new Error('secret detail'));
    expect(crash.status).toBe(500);
    expect(crash.headers.get('x-amzn-ErrorType')).toBe('ServiceException');
    expect(JSON.stringify(await crash.json())).not.toContain('secret detail');
  });
});
