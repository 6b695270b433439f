// Test helper: requests to AWS_IAM methods signed as an AWS SDK signs them (Smithy's SignatureV4, service
// execute-api) — in headers, or as a pre-signed URL — with access keys or temporary credentials.
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';

export interface SigningCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

const signer = (credentials: SigningCredentials) =>
  new SignatureV4({ credentials, region: 'us-east-1', service: 'execute-api', sha256: Hash.bind(null, 'sha256') });

function request(target: URL, method: string, body?: string): HttpRequest {
  const headers: Record<string, string> = { host: target.host };
  if (body !== undefined) headers['content-type'] = 'application/json';
  return new HttpRequest({
    method,
    hostname: target.hostname,
    port: Number(target.port),
    path: target.pathname,
    query: Object.fromEntries(target.searchParams),
    headers,
    body,
  });
}

/** The headers a SigV4 client sends for this request, signed at `signingDate` (Host left to fetch). */
export async function signedHeaders(
  url: string,
  credentials: SigningCredentials,
  options: { method?: string; body?: string; signingDate?: Date } = {},
): Promise<Record<string, string>> {
  const signed = await signer(credentials).sign(request(new URL(url), options.method ?? 'GET', options.body), {
    signingDate: options.signingDate,
  });
  const { host: _host, ...headers } = signed.headers as Record<string, string>;
  return headers;
}

/** A pre-signed GET URL, valid for `expiresIn` seconds from `signingDate`. */
export async function presignedUrl(
  url: string,
  credentials: SigningCredentials,
  options: { expiresIn: number; signingDate?: Date },
): Promise<string> {
  const target = new URL(url);
  const presigned = await signer(credentials).presign(request(target, 'GET'), options);
  return `${target.origin}${target.pathname}?${new URLSearchParams(presigned.query as Record<string, string>)}`;
}
