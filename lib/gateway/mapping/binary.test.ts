import { describe, expect, it } from 'vitest';
import { GatewayError } from '../gateway-error';
import { convertPayload, decodeBase64, isBinaryType } from './binary';

describe('binary media types', () => {
  it('matches exact types, type wildcards and */*, ignoring parameters and case', () => {
    expect(isBinaryType('image/png', ['image/png'])).toBe(true);
    expect(isBinaryType('Image/PNG; q=1', ['image/*'])).toBe(true);
    expect(isBinaryType('application/pdf', ['*/*'])).toBe(true);
    expect(isBinaryType('application/json', ['image/*'])).toBe(false);
    expect(isBinaryType(undefined, ['*/*'])).toBe(false);
  });

  it('converts as contentHandling says, else by Accept for responses', () => {
    const bytes = Buffer.from([0, 1, 2, 255]);
    expect(convertPayload(bytes, true, 'CONVERT_TO_TEXT', 'as-is')).toBe('AAEC/w==');
    expect(convertPayload(Buffer.from('AAEC/w=='), false, 'CONVERT_TO_BINARY', 'as-is')).toEqual(bytes);
    expect(convertPayload(bytes, true, undefined, { acceptIsBinary: false })).toBe('AAEC/w==');
    expect(convertPayload(Buffer.from('AAEC/w=='), false, undefined, { acceptIsBinary: true })).toEqual(bytes);
    expect(convertPayload(bytes, true, undefined, { acceptIsBinary: true })).toEqual(bytes);
    expect(convertPayload(Buffer.from('{"a":1}'), false, undefined, 'as-is')).toBe('{"a":1}');
  });

  it('fails a decode of text that is not base64 (AWS: 500)', () => {
    expect(() => decodeBase64('not base64!')).toThrow(GatewayError);
  });
});
