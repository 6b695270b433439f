// The shared backend: a minimal Node `http` server answering every request with the same small JSON body.
// `node --import tsx bench/http-proxy/backend.ts PORT`
import http from 'node:http';
import { BACKEND_BODY } from './shared';

const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port <= 0) throw new Error('usage: backend.ts PORT');

const body = Buffer.from(BACKEND_BODY);
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': body.length });
    res.end(body);
  });
});
// Idle upstream connections stay open between runs for every proxy alike.
server.keepAliveTimeout = 65_000;
server.listen(port, '127.0.0.1', () => console.log(`backend listening on 127.0.0.1:${port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
