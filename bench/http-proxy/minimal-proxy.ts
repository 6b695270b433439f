// Reference points for the gateway's own work (run.ts --minimal): the smallest Node proxies over an undici pool like
// the gateway's, forwarding everything to the backend.
//   pipeline: what the gateway's HTTP_PROXY path does per request (undici `request` with AbortSignal.timeout, the
//             body streamed back with stream/promises `pipeline`), without routing, mapping or headers work;
//   stream:   undici `stream()` writing straight into the response, undici's own headers/body timeouts.
// `node --import tsx bench/http-proxy/minimal-proxy.ts PORT BACKEND_PORT pipeline|stream`
import http from 'node:http';
import { pipeline } from 'node:stream/promises';
import { Agent, request, stream } from 'undici';

const port = Number(process.argv[2]);
const backendPort = Number(process.argv[3]);
const mode = process.argv[4];
if (!Number.isInteger(port) || !Number.isInteger(backendPort) || (mode !== 'pipeline' && mode !== 'stream')) {
  throw new Error('usage: minimal-proxy.ts PORT BACKEND_PORT pipeline|stream');
}
const TIMEOUT_MS = 29_000;
const agent = new Agent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 600_000, connections: 256, pipelining: 1 });
const origin = `http://127.0.0.1:${backendPort}`;

function forwardedHeaders(req: http.IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = (raw[i] as string).toLowerCase();
    if (name !== 'host' && name !== 'connection' && name !== 'content-length') headers[name] = raw[i + 1] as string;
  }
  headers['x-forwarded-for'] = req.socket.remoteAddress ?? '';
  return headers;
}

async function viaPipeline(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  for await (const _chunk of req) {
    // GET: no body
  }
  const response = await request(`${origin}${req.url ?? '/'}`, {
    method: 'GET',
    headers: forwardedHeaders(req),
    dispatcher: agent,
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  res.statusCode = response.statusCode;
  for (const [name, value] of Object.entries(response.headers)) {
    if (value !== undefined && name !== 'connection' && name !== 'keep-alive') res.setHeader(name, value);
  }
  await pipeline(response.body, res);
}

async function viaStream(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  await stream(
    `${origin}${req.url ?? '/'}`,
    {
      method: 'GET',
      headers: forwardedHeaders(req),
      dispatcher: agent,
      headersTimeout: TIMEOUT_MS,
      bodyTimeout: TIMEOUT_MS,
      opaque: res,
    },
    ({ statusCode, headers }) => {
      res.statusCode = statusCode;
      for (const [name, value] of Object.entries(headers)) {
        if (value !== undefined && name !== 'connection' && name !== 'keep-alive') res.setHeader(name, value);
      }
      return res;
    },
  );
}

const handle = mode === 'stream' ? viaStream : viaPipeline;
const server = http.createServer((req, res) => {
  handle(req, res).catch(() => res.destroy());
});
server.keepAliveTimeout = 65_000;
server.listen(port, '127.0.0.1', () => console.log(`minimal ${mode} proxy listening on 127.0.0.1:${port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
