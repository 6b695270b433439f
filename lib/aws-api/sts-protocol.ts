// AWS STS's query protocol at `/sts` of the management API (the AWS SDK's STSClient with `endpoint:
// 'http://localhost:3000/sts'`): a form-encoded POST (`Action=GetSessionToken&Version=2011-06-15`) signed for service
// `sts`, answered in XML — the result, or `<ErrorResponse>` with AWS's error code. Only GetSessionToken is served.
import { randomUUID } from 'node:crypto';
import { ServiceError } from '../services/errors';
import { getSessionToken } from '../services/sts/get-session-token';
import { authenticate } from './authenticate';

export const STS_PATH = '/sts';
const NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';
const MAX_BODY_BYTES = 64 * 1024;

export const isStsPath = (path: string): boolean => path === STS_PATH || path === `${STS_PATH}/`;

const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);

/** STS's error codes for the service errors it can meet. */
const STS_CODES: Partial<Record<string, string>> = {
  ValidationException: 'ValidationError',
  AccessDeniedException: 'AccessDenied',
  MissingAuthenticationTokenException: 'MissingAuthenticationToken',
};

function xml(status: number, body: string, requestId: string): Response {
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n${body}`, {
    status,
    headers: { 'Content-Type': 'text/xml', 'x-amzn-RequestId': requestId },
  });
}

function errorXml(error: unknown, requestId: string): Response {
  const known = error instanceof ServiceError;
  if (!known) console.error('Unhandled error in an STS operation', error);
  const code = known ? (STS_CODES[error.type] ?? error.type.replace(/Exception$/, '')) : 'InternalFailure';
  const message = known ? error.message : 'Internal server error';
  const status = known ? error.status : 500;
  return xml(
    status,
    `<ErrorResponse xmlns="${NAMESPACE}"><Error><Type>${status >= 500 ? 'Receiver' : 'Sender'}</Type><Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
    requestId,
  );
}

export async function handleStsRequest(request: Request): Promise<Response> {
  const requestId = randomUUID();
  try {
    const url = new URL(request.url);
    if (request.method !== 'POST') throw new ServiceError('BadRequestException', 'STS takes POST requests');
    const declared = Number(request.headers.get('content-length') ?? 0);
    if (declared > MAX_BODY_BYTES)
      throw new ServiceError('RequestEntityTooLargeException', 'Request body is too large');
    const body = new Uint8Array(await request.arrayBuffer());
    if (body.byteLength > MAX_BODY_BYTES)
      throw new ServiceError('RequestEntityTooLargeException', 'Request body is too large');
    const { actor } = await authenticate(
      { method: request.method, rawPath: url.pathname, rawQuery: url.search.slice(1), headers: request.headers, body },
      async () => null, // temporary credentials are for signed callers only, never a console session
    );
    const params = new URLSearchParams(new TextDecoder().decode(body));
    const action = params.get('Action');
    if (action !== 'GetSessionToken') {
      throw new ServiceError(
        'BadRequestException',
        `Could not find operation ${action ?? ''} for version ${params.get('Version') ?? ''}`,
      );
    }
    const credentials = await getSessionToken(actor, {
      durationSeconds: params.get('DurationSeconds'),
      signedWithSessionToken: request.headers.has('x-amz-security-token'),
    });
    return xml(
      200,
      `<GetSessionTokenResponse xmlns="${NAMESPACE}"><GetSessionTokenResult><Credentials><AccessKeyId>${credentials.accessKeyId}</AccessKeyId><SecretAccessKey>${escapeXml(credentials.secretAccessKey)}</SecretAccessKey><SessionToken>${escapeXml(credentials.sessionToken)}</SessionToken><Expiration>${credentials.expiration.toISOString()}</Expiration></Credentials></GetSessionTokenResult><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></GetSessionTokenResponse>`,
      requestId,
    );
  } catch (error) {
    return errorXml(error, requestId);
  }
}
