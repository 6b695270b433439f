import { createHash } from 'node:crypto';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import { ServiceError } from '../services/errors';
import { isPresigned, type SignedRequest, verifyPresignedSignature } from './sigv4';

const KEY = { accessKeyId: 'AKIDEXAMPLE000000001', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const lookup = async (id: string, sessionToken?: string) =>
  id === KEY.accessKeyId && sessionToken === undefined
    ? { secretAccessKey: KEY.secretAccessKey, actor: 'owner' }
    : null;

/** A GET pre-signed by the AWS SDK's own signer (service execute-api), as the client would send it. */
async function presigned(
  options: { date?: Date; expiresIn?: number; secret?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<SignedRequest> {
  const signer = new SignatureV4({
    credentials: { accessKeyId: KEY.accessKeyId, secretAccessKey: options.secret ?? KEY.secretAccessKey },
    region: 'eu-west-1',
    service: 'execute-api',
    sha256: Hash.bind(null, 'sha256'),
  });
  const request = await signer.presign(
    new HttpRequest({
      method: 'GET',
      hostname: 'api.example.com',
      path: '/prod/pets/%7Bid%7D',
      query: { color: 'red blue' },
      headers: { host: 'api.example.com', ...options.headers },
      body: options.body,
    }),
    { signingDate: options.date ?? new Date(), expiresIn: options.expiresIn ?? 300 },
  );
  const rawQuery = Object.entries(request.query ?? {})
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
  return {
    method: 'GET',
    rawPath: request.path,
    rawQuery,
    headers: new Headers({ host: 'api.example.com', ...options.headers }),
    body: options.body ?? '',
  };
}

async function refusal(request: SignedRequest, now?: Date): Promise<ServiceError> {
  const error = await verifyPresignedSignature(request, lookup, now, 'execute-api').then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ServiceError)) throw new Error('expected a ServiceError');
  return error;
}

describe('pre-signed URLs (SigV4 in the query string)', () => {
  it('accepts a URL the AWS signer pre-signed, within its lifetime', async () => {
    const request = await presigned();
    expect(isPresigned(request.rawQuery)).toBe(true);
    expect(await verifyPresignedSignature(request, lookup, new Date(), 'execute-api')).toBe('owner');
  });

  it('refuses a tampered URL, a wrong secret, an expired URL and one past a week', async () => {
    const request = await presigned();
    expect((await refusal({ ...request, rawQuery: request.rawQuery.replace('red', 'green') })).type).toBe(
      'InvalidSignatureException',
    );
    expect((await refusal(await presigned({ secret: 'wrong' }))).type).toBe('InvalidSignatureException');
    const old = await presigned({ date: new Date(Date.now() - 10 * 60_000), expiresIn: 60 });
    const expired = await refusal(old);
    expect(expired.type).toBe('InvalidSignatureException');
    expect(expired.message).toMatch(/^Signature expired: /);
    const forever = await presigned();
    expect(
      (await refusal({ ...forever, rawQuery: forever.rawQuery.replace(/X-Amz-Expires=\d+/, 'X-Amz-Expires=604801') }))
        .type,
    ).toBe('IncompleteSignatureException');
  });

  it('names a missing query parameter as AWS does, and refuses a session token the key does not know', async () => {
    const request = await presigned();
    const missing = await refusal({ ...request, rawQuery: request.rawQuery.replace(/X-Amz-Credential=[^&]+&?/, '') });
    expect(missing).toMatchObject({
      type: 'IncompleteSignatureException',
      message: "AWS query-string parameters must include 'X-Amz-Credential'. Re-examine the query-string parameters.",
    });
    expect((await refusal({ ...request, rawQuery: `${request.rawQuery}&X-Amz-Security-Token=t` })).type).toBe(
      'UnrecognizedClientException',
    );
  });

  it('holds the body to a signed x-amz-content-sha256, as the header form does', async () => {
    const body = '{"amount":1}';
    const hash = createHash('sha256').update(body).digest('hex');
    const request = await presigned({ headers: { 'x-amz-content-sha256': hash }, body });
    expect(await verifyPresignedSignature(request, lookup, new Date(), 'execute-api')).toBe('owner');
    await expect(refusal({ ...request, body: '{"amount":1000000}' })).resolves.toMatchObject({
      type: 'InvalidSignatureException',
      message: "The provided 'x-amz-content-sha256' header does not match what was computed.",
    });
  });

  it('refuses a signature that does not cover the Host (it could be replayed at another API)', async () => {
    const request = await presigned();
    const rawQuery = request.rawQuery.replace(/X-Amz-SignedHeaders=host/, 'X-Amz-SignedHeaders=x-amz-date');
    await expect(refusal({ ...request, rawQuery })).resolves.toMatchObject({
      type: 'InvalidSignatureException',
      message: "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
    });
  });
});
