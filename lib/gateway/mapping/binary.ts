// Binary payloads (AWS §1.11): which media types an API treats as binary (`binaryMediaTypes`, wildcards such as
// `image/*` and `*/*`), and the conversions contentHandling asks for.
import { GatewayError } from '../gateway-error';

const mime = (contentType: string | undefined) => contentType?.split(';')[0]?.trim().toLowerCase() ?? '';

export function isBinaryType(contentType: string | undefined, binaryMediaTypes: readonly string[]): boolean {
  const type = mime(contentType);
  if (!type || binaryMediaTypes.length === 0) return false;
  const [major] = type.split('/');
  return binaryMediaTypes.some((pattern) => {
    const p = pattern.trim().toLowerCase();
    return p === '*/*' || p === type || (p.endsWith('/*') && p.slice(0, -2) === major);
  });
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Base64 text → bytes; text that is not base64 fails as AWS does (500). */
export function decodeBase64(text: string): Buffer {
  const compact = text.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) throw new GatewayError('API_CONFIGURATION_ERROR');
  return Buffer.from(compact, 'base64');
}

/**
 * The payload after contentHandling: CONVERT_TO_TEXT base64-encodes a binary payload, CONVERT_TO_BINARY decodes a
 * text one; without contentHandling, `fallback` decides (the request passes as it came; the response follows Accept).
 */
export function convertPayload(
  payload: Buffer,
  payloadIsBinary: boolean,
  contentHandling: string | undefined,
  fallback: 'as-is' | { acceptIsBinary: boolean },
): Buffer | string {
  if (contentHandling === 'CONVERT_TO_TEXT')
    return payloadIsBinary ? payload.toString('base64') : payload.toString('utf8');
  if (contentHandling === 'CONVERT_TO_BINARY')
    return payloadIsBinary ? payload : decodeBase64(payload.toString('utf8'));
  if (fallback === 'as-is') return payloadIsBinary ? payload : payload.toString('utf8');
  if (payloadIsBinary && !fallback.acceptIsBinary) return payload.toString('base64');
  if (!payloadIsBinary && fallback.acceptIsBinary) return decodeBase64(payload.toString('utf8'));
  return payloadIsBinary ? payload : payload.toString('utf8');
}
