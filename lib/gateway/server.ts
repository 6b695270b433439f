// The gateway's HTTP servers: API traffic on one port, health on the admin port (never on the API port).
import http from 'node:http';
import path from 'node:path';
import { config } from '../config';
import { FunctionRuntime } from '../functions/function-runtime';
import { AuthorizerCache } from './authorizers/authorizer-cache';
import { userPoolKeys } from './authorizers/user-pool-keys';
import { ConfigStore } from './config/config-store';
import type { BasePathMappingRow } from './data/domain-rows';
import { catalogInvoker } from './functions/function-invoker';
import { closeBackendPools } from './integrations/backend-client';
import { type HandlerDeps, handleGatewayRequest } from './pipeline/handle-request';
import type { BasePathMapping } from './routing';
import { compileStage, type ServedStage } from './served-stage';
import { RedisTokenBuckets } from './throttle/redis-token-buckets';
import { TokenBuckets } from './throttle/token-buckets';
import { UsageLedger } from './usage/usage-ledger';

/** Domain → mappings, rebuilt only when the store's mapping list changes. */
export function customDomainIndex(
  source: () => readonly BasePathMappingRow[],
): () => ReadonlyMap<string, readonly BasePathMapping[]> {
  let seen: readonly BasePathMappingRow[] | undefined;
  let index = new Map<string, BasePathMapping[]>();
  return () => {
    const rows = source();
    if (rows !== seen) {
      seen = rows;
      index = new Map();
      for (const row of rows) {
        const list = index.get(row.domainName.toLowerCase()) ?? [];
        list.push({ basePath: row.basePath, restApiId: row.restApiId, stage: row.stage });
        index.set(row.domainName.toLowerCase(), list);
      }
    }
    return index;
  };
}

export function createGatewayServer(deps: HandlerDeps): http.Server {
  const server = http.createServer((req, res) => {
    handleGatewayRequest(req, res, deps).catch((error: unknown) => {
      // never an unhandled rejection (it would end the process): the request alone fails
      console.error('gateway: a request failed outside the pipeline:', error);
      res.destroy();
    });
  });
  server.keepAliveTimeout = 65_000;
  return server;
}

export function createAdminServer(health: () => { status: string; stages: number }): http.Server {
  return http.createServer((req, res) => {
    if (req.url === '/health') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(health()));
      return;
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('Not Found');
  });
}

function listen(server: http.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
}

export interface RunningGateway {
  store: ConfigStore<ServedStage>;
  gateway: http.Server;
  admin: http.Server;
  /** stops accepting, lets in-flight requests finish, then releases everything */
  stop(): Promise<void>;
}

export async function startGateway(options: {
  port: number;
  adminPort: number;
  databaseUrl: string;
  host?: string;
  pollIntervalMs?: number;
  log?: (message: string) => void;
  /** this process's part of every throttling limit: 1 / the worker processes of its node (default 1) */
  throttleShare?: number;
  /** Redis for throttling buckets shared by every process and node (the share above applies only while it is down) */
  redisUrl?: string;
}): Promise<RunningGateway> {
  const host = options.host ?? '0.0.0.0';
  const ownBuckets = new TokenBuckets(options.throttleShare ?? 1);
  const shared = options.redisUrl
    ? new RedisTokenBuckets({ url: options.redisUrl, fallback: ownBuckets, log: options.log })
    : undefined;
  await shared?.ready();
  const buckets = shared ?? ownBuckets;
  const functions = new FunctionRuntime({ root: path.join(config.dataDir, 'functions') });
  const authorizerResults = new AuthorizerCache();
  const store = new ConfigStore<ServedStage>({
    databaseUrl: options.databaseUrl,
    compileStage,
    pollIntervalMs: options.pollIntervalMs,
    log: options.log,
    // each function's code is unpacked when the gateway learns of it, so no request waits for the database
    onFunctions: (catalog) => {
      for (const spec of catalog.specs()) {
        functions.prepare(spec).catch((error: Error) => {
          (options.log ?? console.warn)(`function ${spec.functionName}:${spec.version} not unpacked: ${error.message}`);
        });
      }
    },
    onFlushAuthorizers: (restApiId, stageName) => authorizerResults.flushStage(restApiId, stageName),
  });
  await store.start();
  const usage = new UsageLedger(options.databaseUrl, options.log);
  await usage.start();
  const gateway = createGatewayServer({
    store,
    customDomains: customDomainIndex(() => store.basePathMappings()),
    functions: catalogInvoker(() => store.functions, functions),
    admission: {
      accessKeys: (accessKeyId) => store.accessKey(accessKeyId),
      userPools: userPoolKeys,
      authorizerResults,
      throttling: { buckets, account: config.accountThrottle },
      usage,
    },
  });
  const admin = createAdminServer(() => ({ status: 'ok', stages: store.size }));
  await listen(gateway, options.port, host);
  await listen(admin, options.adminPort, host);
  return {
    store,
    gateway,
    admin,
    async stop() {
      const closed = (server: http.Server) => new Promise<void>((resolve) => server.close(() => resolve()));
      const done = Promise.all([closed(gateway), closed(admin)]);
      gateway.closeIdleConnections();
      admin.closeIdleConnections();
      await done;
      await store.stop();
      await usage.stop();
      await functions.close();
      await shared?.close();
      await closeBackendPools();
    },
  };
}
