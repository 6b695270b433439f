// Every environment setting Portico reads, in one place, with the defaults of ARCHITECTURE.md's conventions table.
import os from 'node:os';
import path from 'node:path';

function intFrom(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new Error(`${name} must be a port number, got "${raw}"`);
  }
  return value;
}

function numberFrom(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number of 0 or more, got "${raw}"`);
  return value;
}

export const config = {
  get dataDir(): string {
    return path.resolve(/*turbopackIgnore: true*/ process.env.PORTICO_DATA_DIR ?? '.data');
  },
  get consolePort(): number {
    return intFrom('PORTICO_CONSOLE_PORT', 3000);
  },
  get gatewayPort(): number {
    return intFrom('PORTICO_GATEWAY_PORT', 8080);
  },
  get gatewayAdminPort(): number {
    return intFrom('PORTICO_GATEWAY_ADMIN_PORT', 9090);
  },
  /** Gateway processes sharing the port: a number, or `auto` (the default) for one per available CPU core. */
  get gatewayWorkers(): number {
    const raw = process.env.PORTICO_GATEWAY_WORKERS;
    if (raw === undefined || raw === '' || raw === 'auto') return os.availableParallelism();
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1 || value > 256) {
      throw new Error(`PORTICO_GATEWAY_WORKERS must be auto or a whole number from 1 to 256, got "${raw}"`);
    }
    return value;
  },
  /** Port of the embedded PostgreSQL (used only when DATABASE_URL is unset); 5432 is often taken by a system server. */
  get embeddedPostgresPort(): number {
    return intFrom('PORTICO_EMBEDDED_PG_PORT', 54329);
  },
  /**
   * The gateway-wide throttling limit (AWS's account-level limit: 10,000 requests per second, bursts of 5,000),
   * which AWS raises on request and an operator sets here.
   */
  get accountThrottle(): { rateLimit: number; burstLimit: number } {
    return {
      rateLimit: numberFrom('PORTICO_ACCOUNT_THROTTLE_RATE', 10_000),
      burstLimit: Math.floor(numberFrom('PORTICO_ACCOUNT_THROTTLE_BURST', 5_000)),
    };
  },
  /**
   * Where COGNITO_USER_POOLS authorizers find a user pool: unset, Amazon Cognito itself (the pool's issuer is
   * `https://cognito-idp.{region}.amazonaws.com/{poolId}`); set, an identity provider that serves pools the same way
   * at `{endpoint}/{poolId}` (a Cognito emulator, a test's key server), whose tokens carry that issuer.
   */
  get cognitoIdpEndpoint(): string | undefined {
    const raw = process.env.PORTICO_COGNITO_IDP_ENDPOINT;
    return raw ? raw.replace(/\/+$/, '') : undefined;
  },
  /**
   * Where AWS service integrations send a service's requests instead of its public endpoint: the AWS SDKs' own
   * settings, `AWS_ENDPOINT_URL_<SERVICE ID>` (e.g. `AWS_ENDPOINT_URL_SQS`) and then `AWS_ENDPOINT_URL`.
   */
  awsEndpointUrl(serviceId: string): string | undefined {
    const raw = process.env[`AWS_ENDPOINT_URL_${serviceId}`] || process.env.AWS_ENDPOINT_URL;
    return raw ? raw.replace(/\/+$/, '') : undefined;
  },
  /** Redis, where several gateway nodes share their throttling buckets; unset: each process keeps its own share */
  get redisUrl(): string | undefined {
    return process.env.REDIS_URL || undefined;
  },
  get region(): string {
    return process.env.PORTICO_REGION || 'us-east-1';
  },
  get accountId(): string {
    return process.env.PORTICO_ACCOUNT_ID || '123456789012';
  },
};
