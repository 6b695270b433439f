// The credentials an AWS service integration signs with. AWS assumes the integration's `credentials` role; Portico
// does the same with the gateway's own AWS credentials (the AWS SDK's provider chain: environment, shared files,
// SSO, container or instance roles), and signs with those directly when the integration names no role. Either is
// fetched once and kept until shortly before it expires: no credential look-up per request.
import { fromNodeProviderChain, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { config } from '../../config';

type AwsCredentialIdentityProvider = ReturnType<typeof fromNodeProviderChain>;
type AwsCredentialIdentity = Awaited<ReturnType<AwsCredentialIdentityProvider>>;

/** Renew this long before credentials expire (or at half their remaining life, if that is later). */
const RENEW_BEFORE_MS = 5 * 60_000;
/** After a failed fetch, requests fail at once for this long before the next attempt. */
const RETRY_AFTER_FAILURE_MS = 5_000;

/** AWS's way of asking to pass the caller's own IAM credentials on, which has no meaning for Portico's callers. */
const CALLER_CREDENTIALS = 'arn:aws:iam::*:user/*';

/** A credential source that does not answer (STS behind a black hole) fails, and is asked again after a pause. */
const FETCH_TIMEOUT_MS = 10_000;

function withinTimeout<T>(pending: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${FETCH_TIMEOUT_MS / 1000} s`)), FETCH_TIMEOUT_MS);
    timer.unref();
  });
  return Promise.race([pending, timeout]).finally(() => clearTimeout(timer));
}

function kept(provider: AwsCredentialIdentityProvider): () => Promise<AwsCredentialIdentity> {
  let current: Promise<AwsCredentialIdentity> | undefined;
  let renewAt = 0;
  return () => {
    if (current === undefined || Date.now() >= renewAt) {
      const fetching = withinTimeout(provider());
      current = fetching;
      renewAt = Number.POSITIVE_INFINITY;
      fetching.then(
        (credentials) => {
          const expires = credentials.expiration?.getTime();
          const now = Date.now();
          renewAt =
            expires === undefined
              ? Number.POSITIVE_INFINITY
              : Math.max(expires - RENEW_BEFORE_MS, now + (expires - now) / 2);
        },
        () => {
          renewAt = Date.now() + RETRY_AFTER_FAILURE_MS;
        },
      );
    }
    return current;
  };
}

let gatewayCredentials: (() => Promise<AwsCredentialIdentity>) | undefined;
const roles = new Map<string, () => Promise<AwsCredentialIdentity>>();

function ownCredentials(): () => Promise<AwsCredentialIdentity> {
  gatewayCredentials ??= kept(fromNodeProviderChain());
  return gatewayCredentials;
}

async function gatewayIdentity(): Promise<AwsCredentialIdentity> {
  try {
    return await ownCredentials()();
  } catch (error) {
    throw new Error(`The gateway has no AWS credentials to sign with: ${(error as Error).message}`);
  }
}

function roleCredentials(roleArn: string, region: string): () => Promise<AwsCredentialIdentity> {
  const key = `${region} ${roleArn}`;
  let provider = roles.get(key);
  if (provider === undefined) {
    const endpoint = config.awsEndpointUrl('STS');
    provider = kept(
      fromTemporaryCredentials({
        params: { RoleArn: roleArn, RoleSessionName: 'PorticoApiGateway' },
        masterCredentials: gatewayIdentity,
        clientConfig: { region, ...(endpoint ? { endpoint } : {}) },
      }),
    );
    roles.set(key, provider);
  }
  return provider;
}

export async function awsCredentials(roleArn: string | undefined, region: string): Promise<AwsCredentialIdentity> {
  if (!roleArn) return gatewayIdentity();
  if (roleArn === CALLER_CREDENTIALS) {
    throw new Error(`Portico cannot pass a caller's own AWS credentials on (${CALLER_CREDENTIALS})`);
  }
  try {
    return await roleCredentials(roleArn, region)();
  } catch {
    throw new Error(`API Gateway does not have permission to assume the provided role ${roleArn}`);
  }
}

/** Forgets every credential kept (tests that change the process's AWS settings). */
export function forgetAwsCredentials(): void {
  gatewayCredentials = undefined;
  roles.clear();
}
