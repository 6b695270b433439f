import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../services/actor';
import { ServiceError } from '../services/errors';
import { type SignedRequest, verifySignature } from './sigv4';

const ACTOR: Actor = { userId: 'u1', email: 'dev@example.com', role: 'DEVELOPER' };
const KEY = { accessKeyId: 'AKIDEXAMPLE000000001', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
/** A long-term key: any session token with it is unknown; 'PSIAEXPIRED' stands for expired temporary credentials. */
const lookup = async (id: string, sessionToken?: string) => {
  if (id === 'PSIAEXPIRED00000000') return 'expired' as const;
  return id === KEY.accessKeyId && sessionToken === undefined
    ? { secretAccessKey: KEY.secretAccessKey, actor: ACTOR }
    : null;
};

async function signed(
  options: {
    path?: string;
    query?: Record<string, string>;
    body?: string;
    date?: Date;
    service?: string;
    secret?: string;
    /** false: no x-amz-content-sha256 header, as botocore (the AWS CLI) and most SDKs sign for services but S3 */
    payloadHashHeader?: boolean;
  } = {},
): Promise<SignedRequest> {
  const signer = new SignatureV4({
    credentials: { accessKeyId: KEY.accessKeyId, secretAccessKey: options.secret ?? KEY.secretAccessKey },
    region: 'us-east-1',
    service: options.service ?? 'apigateway',
    sha256: Hash.bind(null, 'sha256'),
    applyChecksum: options.payloadHashHeader ?? true,
  });
  const body = options.body ?? '';
  const request = await signer.sign(
    new HttpRequest({
      method: 'POST',
      hostname: 'localhost',
      port: 3000,
      path: options.path ?? '/restapis',
      query: options.query ?? {},
      headers: { host: 'localhost:3000', 'content-type': 'application/json', 'content-length': String(body.length) },
      body,
    }),
    { signingDate: options.date ?? new Date() },
  );
  const query = new URLSearchParams(options.query ?? {}).toString();
  return { method: 'POST', rawPath: request.path, rawQuery: query, headers: new Headers(request.headers), body };
}

async function refusal(request: SignedRequest, now?: Date): Promise<ServiceError> {
  const error = await verifySignature(request, lookup, now).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ServiceError)) throw new Error('expected a ServiceError');
  return error;
}

describe('SigV4 verification', () => {
  it('accepts a request the AWS signer signed, with query and body, and yields the key’s owner', async () => {
    const request = await signed({
      path: '/restapis/abc/resources/%7Bproxy%2B%7D',
      query: { limit: '5', position: 'x y' },
      body: '{"name":"x"}',
    });
    await expect(verifySignature(request, lookup)).resolves.toEqual(ACTOR);
  });

  it('accepts a signature without x-amz-content-sha256 (the AWS CLI’s), hashing the body itself', async () => {
    const request = await signed({ body: '{"name":"x"}', payloadHashHeader: false });
    expect(request.headers.get('x-amz-content-sha256')).toBeNull();
    await expect(verifySignature(request, lookup)).resolves.toEqual(ACTOR);
    await expect(refusal({ ...request, body: '{"name":"y"}' })).resolves.toMatchObject({
      name: 'InvalidSignatureException',
    });
  });

  it('refuses a session token its key does not know (UnrecognizedClientException), and expired ones (ExpiredTokenException)', async () => {
    const request = await signed();
    request.headers.set('x-amz-security-token', 'FwoGZXIvYXdzEXAMPLE');
    const error = await refusal(request);
    expect(error.type).toBe('UnrecognizedClientException');
    expect(error.message).toBe('The security token included in the request is invalid.');
    const expired = await refusal({
      ...request,
      headers: new Headers({
        ...Object.fromEntries(request.headers),
        authorization: (request.headers.get('authorization') as string).replace(KEY.accessKeyId, 'PSIAEXPIRED00000000'),
      }),
    });
    expect(expired).toMatchObject({
      type: 'ExpiredTokenException',
      message: 'The security token included in the request is expired',
      status: 403,
    });
  });

  it('refuses a changed body: the signed payload hash must be the body’s (InvalidSignatureException)', async () => {
    const request = await signed({ body: '{"name":"x"}' });
    const error = await refusal({ ...request, body: '{"name":"y"}' });
    expect(error.type).toBe('InvalidSignatureException');
    expect(error.status).toBe(403);
    expect(error.message).toBe("The provided 'x-amz-content-sha256' header does not match what was computed.");
    const withoutHash = new Headers(request.headers);
    withoutHash.delete('x-amz-content-sha256');
    const unsignedBody = await refusal({ ...request, headers: withoutHash, body: '{"name":"y"}' });
    expect(unsignedBody.message).toMatch(/^The request signature we calculated does not match/);
  });

  it('refuses a changed path', async () => {
    const request = await signed();
    const error = await refusal({ ...request, rawPath: '/apikeys' });
    expect(error.type).toBe('InvalidSignatureException');
    expect(error.message).toMatch(/^The request signature we calculated does not match/);
  });

  it('refuses a wrong secret and an unknown key', async () => {
    expect((await refusal(await signed({ secret: 'not-the-secret' }))).type).toBe('InvalidSignatureException');
    const request = await signed();
    const auth = (request.headers.get('authorization') as string).replace(KEY.accessKeyId, 'AKIDUNKNOWN000000000');
    request.headers.set('authorization', auth);
    const error = await refusal(request);
    expect(error.type).toBe('UnrecognizedClientException');
    expect(error.message).toBe('The security token included in the request is invalid.');
  });

  it('refuses a stale signature with AWS’s "Signature expired" message', async () => {
    const request = await signed({ date: new Date('2026-01-01T00:00:00Z') });
    const error = await refusal(request, new Date('2026-01-01T00:10:00Z'));
    expect(error.type).toBe('InvalidSignatureException');
    expect(error.message).toBe(
      'Signature expired: 20260101T000000Z is now earlier than 20260101T000500Z (20260101T001000Z - 5 min.)',
    );
  });

  it('names every missing part of a malformed Authorization header (IncompleteSignatureException)', async () => {
    const request = await signed();
    request.headers.set(
      'authorization',
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE000000001/20260101/us-east-1/apigateway/aws4_request',
    );
    const error = await refusal(request);
    expect(error.type).toBe('IncompleteSignatureException');
    expect(error.message).toMatch(
      /^Authorization header requires 'Signature' parameter\. Authorization header requires 'SignedHeaders' parameter\. Authorization=AWS4-HMAC-SHA256/,
    );
  });

  it('refuses a signature scoped to another service', async () => {
    const error = await refusal(await signed({ service: 'execute-api' }));
    expect(error.message).toBe("Credential should be scoped to correct service: 'apigateway'. ");
  });

  it('refuses a signature that does not cover the Host, with AWS’s message', async () => {
    const request = await signed();
    const authorization = String(request.headers.get('authorization')).replace(
      /SignedHeaders=[^,]+/,
      'SignedHeaders=x-amz-date',
    );
    request.headers.set('authorization', authorization);
    await expect(refusal(request)).resolves.toMatchObject({
      type: 'InvalidSignatureException',
      message: "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
    });
  });
});
