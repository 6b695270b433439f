// The comparison proxy: fastify with @fastify/http-proxy in its default configuration (undici upstream pool),
// forwarding `/api/*` to the backend with the prefix stripped.
// `node --import tsx bench/http-proxy/fastify-proxy.ts PORT BACKEND_PORT`
import proxy from '@fastify/http-proxy';
import Fastify from 'fastify';

const port = Number(process.argv[2]);
const backendPort = Number(process.argv[3]);
if (!Number.isInteger(port) || !Number.isInteger(backendPort)) throw new Error('usage: fastify-proxy.ts PORT BACKEND');

const app = Fastify({ logger: false });
await app.register(proxy, { upstream: `http://127.0.0.1:${backendPort}`, prefix: '/api', rewritePrefix: '' });
await app.listen({ port, host: '127.0.0.1' });
console.log(`fastify proxy listening on 127.0.0.1:${port}`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
