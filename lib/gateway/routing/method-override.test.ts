import { describe, expect, it } from 'vitest';
import { effectiveMethod } from './method-override';

describe('effectiveMethod (X-HTTP-Method-Override, AWS §2.5)', () => {
  it('keeps the method without the header', () => {
    expect(effectiveMethod('POST', { 'content-type': 'application/json' })).toBe('POST');
  });

  it('uses the override (Node lower-cases header names)', () => {
    expect(effectiveMethod('POST', { 'x-http-method-override': 'DELETE' })).toBe('DELETE');
  });

  it('finds the header whatever its case and normalises the value', () => {
    expect(effectiveMethod('POST', { 'X-HTTP-Method-Override': ' patch ' })).toBe('PATCH');
  });

  it('applies to any real verb, not only POST (?)', () => {
    expect(effectiveMethod('GET', { 'x-http-method-override': 'PUT' })).toBe('PUT');
  });

  it('uses the first value of a repeated header', () => {
    expect(effectiveMethod('POST', { 'x-http-method-override': ['HEAD', 'PUT'] })).toBe('HEAD');
  });

  it.each(['ANY', 'TRACE', 'CONNECT', '', 'GET, PUT'])('ignores a value that is not a routable verb: %j', (value) => {
    expect(effectiveMethod('POST', { 'x-http-method-override': value })).toBe('POST');
  });

  it('ignores an empty repeated header', () => {
    expect(effectiveMethod('POST', { 'x-http-method-override': [] })).toBe('POST');
  });
});
