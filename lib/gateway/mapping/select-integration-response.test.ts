import { describe, expect, it } from 'vitest';
import { selectIntegrationResponse } from './select-integration-response';

const responses = {
  '200': { statusCode: '200' },
  '400': { statusCode: '400', selectionPattern: '4\\d{2}' },
  '500': { statusCode: '500', selectionPattern: '5\\d{2}' },
};

describe('integration response selection', () => {
  it('picks the response whose pattern matches the whole status, else the default', () => {
    expect(selectIntegrationResponse(responses, '404')?.statusCode).toBe('400');
    expect(selectIntegrationResponse(responses, '503')?.statusCode).toBe('500');
    expect(selectIntegrationResponse(responses, '201')?.statusCode).toBe('200');
  });

  it('matches the whole subject, not a part of it', () => {
    expect(selectIntegrationResponse({ a: { statusCode: '400', selectionPattern: '4' } }, '404')).toBeUndefined();
  });

  it('has nothing to offer without a default', () => {
    expect(selectIntegrationResponse({ '400': responses['400'] }, '200')).toBeUndefined();
  });
});
