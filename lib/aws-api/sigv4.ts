// Verifies AWS Signature Version 4, with AWS's error names and messages: on management API calls (service
// `apigateway`, or `lambda` on Lambda's paths, any region) and, at the gateway, on AWS_IAM methods (service
// `execute-api`). The expected signature is computed by Smithy's SignatureV4 (the AWS SDK's own signer) over
// exactly the headers the client signed, so canonicalisation matches the SDK and the CLI by construction.
import { createHash, timingSafeEqual } from 'node:crypto';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { Actor } from '../services/actor';
import { ServiceError } from '../services/errors';

export const SIGNING_SERVICE = 'apigateway';
const MAX_SKEW_MS = 5 * 60 * 1000;

export interface SignedRequest {
  method: string;
  /** the path exactly as sent (still percent-encoded) */
  rawPath: string;
  /** the query string exactly as sent, without "?" */
  rawQuery: string;
  headers: Headers;
  body: string | Uint8Array;
}

/**
 * The secret of an access key and who it signs as; with a session token (temporary credentials), only when the token
 * is the key's own — `expired` when it was and no longer is; null for anything unknown.
 */
export type SecretLookup<P = Actor> = (
  accessKeyId: string,
  sessionToken?: string,
) => Promise<{ secretAccessKey: string; actor: P } | 'expired' | null>;

/** AWS's answers for an access key it does not know, and for temporary credentials past their expiry. */
function knownKey<P>(key: { secretAccessKey: string; actor: P } | 'expired' | null): {
  secretAccessKey: string;
  actor: P;
} {
  if (key === 'expired') {
    throw new ServiceError('ExpiredTokenException', 'The security token included in the request is expired');
  }
  if (!key)
    throw new ServiceError('UnrecognizedClientException', 'The security token included in the request is invalid.');
  return key;
}

interface ParsedAuthorization {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

const incomplete = (message: string) => new ServiceError('IncompleteSignatureException', message);
const invalid = (message: string) => new ServiceError('InvalidSignatureException', message);

function parseAuthorization(header: string, hasDate: boolean): ParsedAuthorization {
  const [algorithm, ...rest] = header.trim().split(/\s+/);
  if (algorithm !== 'AWS4-HMAC-SHA256') {
    throw incomplete(`Unsupported authorization type: ${algorithm}. Authorization=${header}`);
  }
  const fields = new Map<string, string>();
  for (const part of rest.join(' ').split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const problems: string[] = [];
  for (const name of ['Credential', 'Signature', 'SignedHeaders']) {
    if (!fields.get(name)) problems.push(`Authorization header requires '${name}' parameter.`);
  }
  if (!hasDate) problems.push("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
  if (problems.length > 0) throw incomplete(`${problems.join(' ')} Authorization=${header}`);
  const credential = (fields.get('Credential') as string).split('/');
  if (credential.length !== 5 || credential[4] !== 'aws4_request') {
    throw incomplete(
      `Credential should be scoped to a valid region, not '${credential[2] ?? ''}'. Authorization=${header}`,
    );
  }
  const [accessKeyId, date, region, service] = credential as [string, string, string, string];
  return {
    accessKeyId,
    date,
    region,
    service,
    signedHeaders: (fields.get('SignedHeaders') as string).split(';').map((h) => h.toLowerCase()),
    signature: fields.get('Signature') as string,
  };
}

/** 20261122T001500Z → Date */
function parseAmzDate(value: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) {
    const parsed = new Date(value);
    return Number.isNaN(parsed.getTime()) ? null : parsed;
  }
  const [, y, mo, d, h, mi, sec] = m.map(Number) as number[];
  return new Date(Date.UTC(y as number, (mo as number) - 1, d, h, mi, sec));
}

const amzDate = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** The request's signing date, which must be the day its credential scope names. */
function signingDate(value: string, scopeDate: string): Date {
  const signedAt = parseAmzDate(value);
  if (!signedAt) throw incomplete(`Date must be in ISO-8601 'basic format'. Got '${value}'.`);
  if (amzDate(signedAt).slice(0, 8) !== scopeDate) {
    throw invalid(
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scopeDate}' != '${amzDate(signedAt).slice(0, 8)}', from '${value}'.`,
    );
  }
  return signedAt;
}

function checkClock(signedAt: Date, now: Date): void {
  const earliest = new Date(now.getTime() - MAX_SKEW_MS);
  const latest = new Date(now.getTime() + MAX_SKEW_MS);
  if (signedAt < earliest) {
    throw invalid(
      `Signature expired: ${amzDate(signedAt)} is now earlier than ${amzDate(earliest)} (${amzDate(now)} - 5 min.)`,
    );
  }
  if (signedAt > latest) {
    throw invalid(
      `Signature not yet current: ${amzDate(signedAt)} is still later than ${amzDate(latest)} (${amzDate(now)} + 5 min.)`,
    );
  }
}

/** AWS checks this right after the clock: a signature must cover the Host (else it could be replayed at another). */
function requireSignedHost(signedHeaders: readonly string[]): void {
  if (!signedHeaders.includes('host')) {
    throw invalid("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  }
}

/** The signer trusts x-amz-content-sha256 as the payload hash, so when sent the header must be the body's real hash. */
function checkPayloadHash(request: SignedRequest): void {
  const claimedHash = request.headers.get('x-amz-content-sha256');
  if (claimedHash !== null && claimedHash !== createHash('sha256').update(request.body).digest('hex')) {
    throw invalid("The provided 'x-amz-content-sha256' header does not match what was computed.");
  }
}

function queryRecord(rawQuery: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(rawQuery)) {
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else out[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

export async function verifySignature<P = Actor>(
  request: SignedRequest,
  lookup: SecretLookup<P>,
  now = new Date(),
  service = SIGNING_SERVICE,
): Promise<P> {
  const header = request.headers.get('authorization') as string;
  const dateHeader = request.headers.get('x-amz-date') ?? request.headers.get('date');
  const auth = parseAuthorization(header, Boolean(dateHeader));
  if (auth.service !== service) {
    throw invalid(`Credential should be scoped to correct service: '${service}'. `);
  }
  const signedAt = signingDate(dateHeader as string, auth.date);
  checkClock(signedAt, now);

  requireSignedHost(auth.signedHeaders);
  const key = knownKey(await lookup(auth.accessKeyId, request.headers.get('x-amz-security-token') ?? undefined));
  checkPayloadHash(request);
  const headers: Record<string, string> = {};
  for (const name of auth.signedHeaders) headers[name] = request.headers.get(name) ?? '';
  const signer = new SignatureV4({
    credentials: { accessKeyId: auth.accessKeyId, secretAccessKey: key.secretAccessKey },
    region: auth.region,
    service: auth.service,
    sha256: Hash.bind(null, 'sha256'),
    uriEscapePath: true,
    // sign exactly the headers the client signed: no x-amz-content-sha256 of the signer's own (the AWS CLI sends none)
    applyChecksum: false,
  });
  const host = request.headers.get('host') ?? 'localhost';
  const signed = await signer.sign(
    new HttpRequest({
      method: request.method,
      hostname: host,
      path: request.rawPath,
      query: queryRecord(request.rawQuery),
      headers,
      body: request.body,
    }),
    { signingDate: signedAt, signableHeaders: new Set(auth.signedHeaders) },
  );
  const expected = /Signature=([0-9a-f]+)/.exec(String(signed.headers.authorization))?.[1] ?? '';
  const a = Buffer.from(expected);
  const b = Buffer.from(auth.signature);
  if (a.length !== b.length || !timingSafeEqual(a, b)) {
    throw invalid(
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    );
  }
  return key.actor;
}

const AUTH_QUERY = [
  'X-Amz-Algorithm',
  'X-Amz-Credential',
  'X-Amz-Date',
  'X-Amz-Expires',
  'X-Amz-SignedHeaders',
  'X-Amz-Signature',
];
/** AWS: a pre-signed URL lives at most a week */
const MAX_PRESIGNED_SECONDS = 604_800;

/** Whether the request is signed in its query string (a pre-signed URL) rather than its Authorization header. */
export function isPresigned(rawQuery: string): boolean {
  return /(^|&)X-Amz-Signature=/i.test(rawQuery);
}

/**
 * Verifies a pre-signed URL (SigV4 in the query string: X-Amz-Algorithm, -Credential, -Date, -Expires,
 * -SignedHeaders, -Signature), valid from its date for X-Amz-Expires seconds. The expected signature is Smithy's
 * presign of the same request, over exactly the headers the client signed.
 */
export async function verifyPresignedSignature<P = Actor>(
  request: SignedRequest,
  lookup: SecretLookup<P>,
  now = new Date(),
  service = SIGNING_SERVICE,
): Promise<P> {
  const params = new URLSearchParams(request.rawQuery);
  for (const name of AUTH_QUERY) {
    if (!params.get(name)) {
      throw incomplete(`AWS query-string parameters must include '${name}'. Re-examine the query-string parameters.`);
    }
  }
  if (params.get('X-Amz-Algorithm') !== 'AWS4-HMAC-SHA256') {
    throw incomplete(`Unsupported algorithm: ${params.get('X-Amz-Algorithm')}`); // (?) AWS's wording unknown
  }
  const credential = (params.get('X-Amz-Credential') as string).split('/');
  if (credential.length !== 5 || credential[4] !== 'aws4_request') {
    throw incomplete(`Credential should be scoped to a valid region, not '${credential[2] ?? ''}'. `);
  }
  const [accessKeyId, date, region, scopeService] = credential as [string, string, string, string];
  if (scopeService !== service) throw invalid(`Credential should be scoped to correct service: '${service}'. `);
  const signedAt = signingDate(params.get('X-Amz-Date') as string, date);
  const expires = Number(params.get('X-Amz-Expires'));
  if (!Number.isInteger(expires) || expires < 1 || expires > MAX_PRESIGNED_SECONDS) {
    throw incomplete(`X-Amz-Expires must be less than a week (in seconds) that is ${MAX_PRESIGNED_SECONDS}`); // (?)
  }
  const expiresAt = new Date(signedAt.getTime() + expires * 1000);
  if (now > expiresAt) {
    // (?) AWS's wording for an expired pre-signed URL, modelled on its header form
    throw invalid(`Signature expired: ${amzDate(expiresAt)} is now earlier than ${amzDate(now)}`);
  }
  if (signedAt.getTime() > now.getTime() + MAX_SKEW_MS) checkClock(signedAt, now);

  const signedHeaders = (params.get('X-Amz-SignedHeaders') as string).split(';').map((h) => h.toLowerCase());
  requireSignedHost(signedHeaders);
  const sessionToken = params.get('X-Amz-Security-Token') ?? undefined;
  const key = knownKey(await lookup(accessKeyId, sessionToken));
  checkPayloadHash(request);

  const headers: Record<string, string> = {};
  for (const name of signedHeaders) headers[name] = request.headers.get(name) ?? '';
  const query: Record<string, string | string[]> = queryRecord(request.rawQuery);
  for (const name of [...AUTH_QUERY, 'X-Amz-Security-Token']) delete query[name];
  const signer = new SignatureV4({
    credentials: { accessKeyId, secretAccessKey: key.secretAccessKey, sessionToken },
    region,
    service: scopeService,
    sha256: Hash.bind(null, 'sha256'),
    uriEscapePath: true,
    // sign exactly the headers the client signed: no x-amz-content-sha256 of the signer's own (the AWS CLI sends none)
    applyChecksum: false,
  });
  const presigned = await signer.presign(
    new HttpRequest({
      method: request.method,
      hostname: request.headers.get('host') ?? 'localhost',
      path: request.rawPath,
      query,
      headers,
      body: request.body,
    }),
    {
      signingDate: signedAt,
      expiresIn: expires,
      signableHeaders: new Set(signedHeaders),
      unhoistableHeaders: new Set(signedHeaders),
    },
  );
  const expected = Buffer.from(String(presigned.query?.['X-Amz-Signature'] ?? ''));
  const given = Buffer.from(params.get('X-Amz-Signature') as string);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw invalid(
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    );
  }
  return key.actor;
}
