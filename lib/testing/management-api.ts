// Integration tests of the management API: the same request handler the console mounts, served over real HTTP on
// an ephemeral port, and the real AWS SDK clients (API Gateway's, Lambda's for /2015-03-31, WAFv2's for /wafv2)
// signing with a real access key from the test database.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { WAFV2Client } from '@aws-sdk/client-wafv2';
import type { Role } from '@prisma/client';
import { afterAll, beforeAll } from 'vitest';
import { handleManagementRequest } from '../aws-api/handle-request';
import { handleStsRequest, isStsPath } from '../aws-api/sts-protocol';
import { isWafPath } from '../aws-api/waf-path';
import { handleWafRequest } from '../aws-api/waf-protocol';
import { createAccessKey } from '../services/access-keys/create-access-key';
import type { Actor } from '../services/actor';
import { createTestActor } from './actors';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface ManagementApi {
  endpoint: string;
  client(role?: Role): Promise<{ client: APIGatewayClient; actor: Actor; credentials: Credentials }>;
  /** AWS Lambda's client on the same endpoint, signing with the given credentials */
  lambdaClient(credentials: Credentials): LambdaClient;
  /** AWS WAFv2's client on `<endpoint>/wafv2`, signing with the given credentials */
  wafClient(credentials: Credentials): WAFV2Client;
  close(): Promise<void>;
}

export async function startManagementApi(): Promise<ManagementApi> {
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const request = new Request(`http://${req.headers.host}${req.url}`, {
      method: req.method,
      headers,
      body: body.length > 0 && req.method !== 'GET' && req.method !== 'HEAD' ? body : undefined,
    });
    const pathname = new URL(request.url).pathname;
    const response = isStsPath(pathname)
      ? await handleStsRequest(request)
      : isWafPath(pathname)
        ? await handleWafRequest(request, { sessionActor: async () => null })
        : await handleManagementRequest(request, { sessionActor: async () => null });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    async client(role: Role = 'DEVELOPER') {
      const actor = await createTestActor(role);
      const key = await createAccessKey(actor);
      const credentials = { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey };
      const client = new APIGatewayClient({ endpoint, region: 'us-east-1', credentials, maxAttempts: 1 });
      return { client, actor, credentials };
    },
    lambdaClient: (credentials) => new LambdaClient({ endpoint, region: 'us-east-1', credentials, maxAttempts: 1 }),
    wafClient: (credentials) =>
      new WAFV2Client({ endpoint: `${endpoint}/wafv2`, region: 'us-east-1', credentials, maxAttempts: 1 }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The error an SDK call failed with, as AWS names it: exception name, message and HTTP status. */
export async function sdkFailure(
  promise: Promise<unknown>,
): Promise<{ name: string; message: string; status?: number }> {
  const error = (await promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  )) as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
  return { name: error.name, message: error.message, status: error.$metadata?.httpStatusCode };
}

/**
 * Starts the management API for a test file and signs in SDK clients for the given roles (destroyed afterwards):
 * API Gateway's in `clients`, Lambda's in `lambda`, WAFv2's in `waf`, each role's with the same access key.
 * Read the clients inside tests: they exist once beforeAll has run.
 */
export function withManagementApi<R extends Role>(
  roles: readonly R[],
): {
  api: () => ManagementApi;
  clients: Record<R, APIGatewayClient>;
  lambda: Record<R, LambdaClient>;
  waf: Record<R, WAFV2Client>;
  actors: Record<R, Actor>;
} {
  let api: ManagementApi | undefined;
  const clients = {} as Record<R, APIGatewayClient>;
  const lambda = {} as Record<R, LambdaClient>;
  const waf = {} as Record<R, WAFV2Client>;
  const actors = {} as Record<R, Actor>;
  beforeAll(async () => {
    api = await startManagementApi();
    for (const role of roles) {
      const signedIn = await api.client(role);
      clients[role] = signedIn.client;
      lambda[role] = api.lambdaClient(signedIn.credentials);
      waf[role] = api.wafClient(signedIn.credentials);
      actors[role] = signedIn.actor;
    }
  });
  afterAll(async () => {
    for (const role of roles) {
      clients[role]?.destroy();
      lambda[role]?.destroy();
      waf[role]?.destroy();
    }
    await api?.close();
  });
  return {
    api: () => {
      if (!api) throw new Error('the management API starts in beforeAll');
      return api;
    },
    clients,
    lambda,
    waf,
    actors,
  };
}
