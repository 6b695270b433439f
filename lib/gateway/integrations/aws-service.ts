// AWS service integrations (type AWS, any service but Lambda): the integration request goes, signed with SigV4, to
// the service the URI names — `arn:aws:apigateway:{region}:{subdomain.}{service}:path/{path}` is sent to
// `{endpoint}/{path}`, `…:action/{Action}` to `{endpoint}/?Action={Action}` (plus `X-Amz-Target` for the JSON
// services LocalStack found AWS adding it for). The endpoint is the service's public one, or the one the AWS SDKs'
// own settings name (`AWS_ENDPOINT_URL_<SERVICE>`, `AWS_ENDPOINT_URL`: LocalStack, MinIO, ElasticMQ…). Credentials
// are the gateway's (the AWS SDK's provider chain), or the integration's role assumed with them through STS.
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { SnapshotMethod } from '../../snapshot/snapshot-schema';
import { GatewayError } from '../gateway-error';
import { withStageVariables } from '../mapping/stage-variables';
import type { GatewayContext } from '../pipeline/gateway-context';
import { awsCredentials } from './aws-credentials';
import { awsEndpoint } from './aws-endpoints';
import type { BackendRequest } from './backend-client';
import { type CompiledUri, compileUri } from './build-uri';

type Integration = NonNullable<SnapshotMethod['methodIntegration']>;

export interface AwsServiceTarget {
  region: string;
  /** the service as the URI names it (`sqs`, `dynamodb`, `states`…) */
  service: string;
  /** the name requests are signed for */
  signingName: string;
  uri: CompiledUri;
  /** `X-Amz-Target` of an action on a JSON-protocol service */
  target?: string;
}

/** JSON-protocol services whose `action/` URIs AWS completes with `X-Amz-Target` (LocalStack's AWS-validated list). */
const TARGET_PREFIXES: Record<string, string> = {
  dynamodb: 'DynamoDB_20120810',
  kinesis: 'Kinesis_20131202',
  ssm: 'AmazonSSM',
  states: 'AWSStepFunctions',
};

/** Services whose URI name is not their SigV4 signing name. */
const SIGNING_NAMES: Record<string, string> = { email: 'ses' };

const URI = /^arn:aws[a-z-]*:apigateway:([^:]+):([^:]+):(path|action)\/(.*)$/s;

export function parseAwsServiceUri(uri: string): AwsServiceTarget | undefined {
  const match = URI.exec(uri);
  if (!match) return undefined;
  const [, region = '', named = '', kind, rest = ''] = match;
  const dot = named.lastIndexOf('.');
  const service = named.slice(dot + 1);
  const subdomain = dot === -1 ? undefined : named.slice(0, dot);
  const endpoint = awsEndpoint(service, region, subdomain);
  const prefix = TARGET_PREFIXES[service];
  return {
    region,
    service,
    signingName: SIGNING_NAMES[service] ?? service,
    uri: compileUri(kind === 'path' ? `${endpoint}/${rest}` : `${endpoint}/?Action=${rest}`),
    target: kind === 'action' && prefix ? `${prefix}.${rest.split('&')[0]}` : undefined,
  };
}

const targets = new WeakMap<object, AwsServiceTarget | null>();

/** The integration's service target, worked out once per deployment (snapshots are immutable). */
export function awsServiceTarget(integration: Integration): AwsServiceTarget {
  let target = targets.get(integration);
  if (target === undefined) {
    target = parseAwsServiceUri(integration.uri ?? '') ?? null;
    targets.set(integration, target);
  }
  if (target === null) throw new GatewayError('API_CONFIGURATION_ERROR');
  return target;
}

function queryRecord(search: string): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = Object.create(null);
  for (const [name, value] of new URLSearchParams(search)) {
    const seen = query[name];
    query[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return query;
}

type Credentials = Awaited<ReturnType<typeof awsCredentials>>;
/** One signer per target and credentials: a signer keeps its derived signing key for the day. */
const signers = new WeakMap<AwsServiceTarget, { credentials: Credentials; signer: SignatureV4 }>();

function signerFor(target: AwsServiceTarget, credentials: Credentials): SignatureV4 {
  const kept = signers.get(target);
  if (kept?.credentials === credentials) return kept.signer;
  const s3 = target.signingName === 's3';
  const signer = new SignatureV4({
    credentials,
    region: target.region,
    service: target.signingName,
    sha256: Hash.bind(null, 'sha256'),
    uriEscapePath: !s3, // S3 signs the path as sent
    applyChecksum: s3, // S3 wants x-amz-content-sha256; other services take no header they did not ask for
  });
  signers.set(target, { credentials, signer });
  return signer;
}

/** The request with AWS's headers: `X-Amz-Target` for JSON actions, then SigV4 with the integration's credentials. */
export async function signForAwsService(
  ctx: GatewayContext,
  integration: Integration,
  target: AwsServiceTarget,
  request: BackendRequest,
): Promise<BackendRequest> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers as Record<string, string | string[]>)) {
    headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  if (target.target && headers['x-amz-target'] === undefined) headers['x-amz-target'] = target.target;
  const url = new URL(request.origin);
  headers.host = url.host;
  // the path exactly as it will be sent (a URL parser would resolve an encoded `%2E%2E` segment)
  const queryAt = request.path.indexOf('?');
  let credentials: Credentials;
  try {
    const role = integration.credentials ? withStageVariables(integration.credentials, ctx.stageVariables) : undefined;
    credentials = await awsCredentials(role, target.region);
  } catch (error) {
    ctx.trace?.(`Execution failed due to configuration error: ${(error as Error).message}`);
    throw new GatewayError('API_CONFIGURATION_ERROR');
  }
  const signer = signerFor(target, credentials);
  const signed = await signer.sign(
    new HttpRequest({
      method: request.method,
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port ? Number(url.port) : undefined,
      path: queryAt === -1 ? request.path : request.path.slice(0, queryAt),
      query: queryAt === -1 ? {} : queryRecord(request.path.slice(queryAt + 1)),
      headers,
      body: request.body,
    }),
  );
  return { ...request, headers: signed.headers };
}

/** The signed headers as an execution log shows them: the signature and session token masked, as AWS masks them. */
export function maskedAwsHeaders(headers: BackendRequest['headers']): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers as Record<string, string>)) {
    const lower = name.toLowerCase();
    shown[name] =
      lower === 'authorization' || lower === 'x-amz-security-token' ? `****${String(value).slice(-4)}` : value;
  }
  return shown;
}
