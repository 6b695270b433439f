// The gateway's HTTP servers. Until deployments are served (the gateway issue), every request gets the answer AWS
// gives for a path with no deployed method: 403 MISSING_AUTHENTICATION_TOKEN. The admin port answers health checks.
import http from 'node:http';
import { requestIds } from './aws-headers';

const MISSING_AUTH_BODY = JSON.stringify({ message: 'Missing Authentication Token' });

function answerMissingAuthenticationToken(req: http.IncomingMessage, res: http.ServerResponse): void {
  const { requestId, apigwId } = requestIds();
  // Drain the request body so keep-alive connections stay usable.
  req.resume();
  res.writeHead(403, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(MISSING_AUTH_BODY),
    'x-amzn-RequestId': requestId,
    'x-amz-apigw-id': apigwId,
    'x-amzn-ErrorType': 'MissingAuthenticationTokenException',
  });
  res.end(req.method === 'HEAD' ? undefined : MISSING_AUTH_BODY);
}

export function createGatewayServer(): http.Server {
  const server = http.createServer(answerMissingAuthenticationToken);
  server.keepAliveTimeout = 65_000;
  return server;
}

export function createAdminServer(): http.Server {
  return http.createServer((req, res) => {
    if (req.url === '/health') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ status: 'ok' }));
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

/** Starts both servers; the returned function stops accepting, lets in-flight requests finish, then resolves. */
export async function startGateway(options: {
  port: number;
  adminPort: number;
  host?: string;
}): Promise<() => Promise<void>> {
  const host = options.host ?? '0.0.0.0';
  const gateway = createGatewayServer();
  const admin = createAdminServer();
  await listen(gateway, options.port, host);
  await listen(admin, options.adminPort, host);
  return async () => {
    const closed = (server: http.Server) => new Promise<void>((resolve) => server.close(() => resolve()));
    const done = Promise.all([closed(gateway), closed(admin)]);
    gateway.closeIdleConnections();
    admin.closeIdleConnections();
    await done;
  };
}
