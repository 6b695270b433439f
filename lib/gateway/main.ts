// The gateway process: `tsx lib/gateway/main.ts` (started by `npm start`). With PORTICO_GATEWAY_WORKERS above 1 this
// process supervises that many gateway workers sharing the port (workers.ts); each worker, or the single process,
// serves the API traffic. Stops gracefully on SIGINT/SIGTERM: in-flight requests finish first.
import cluster from 'node:cluster';
import { config } from '../config';
import { startGateway } from './server';
import { superviseWorkers, type WorkerReady } from './workers';

const log = (message: string) => console.log(`gateway: ${message}`);

async function serve(workers: number): Promise<number> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is not set');
  const running = await startGateway({
    port: config.gatewayPort,
    adminPort: config.gatewayAdminPort,
    databaseUrl,
    log,
    throttleShare: 1 / workers,
    redisUrl: config.redisUrl,
  });
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await running.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  return running.store.size;
}

const listening = (stages: number, workers: number) =>
  `gateway listening on :${config.gatewayPort} (admin :${config.gatewayAdminPort}), serving ${stages} stage(s)` +
  (workers > 1 ? ` with ${workers} worker processes` : '');

async function main(): Promise<void> {
  const workers = config.gatewayWorkers;
  if (workers <= 1) {
    console.log(listening(await serve(1), 1));
  } else if (cluster.isPrimary) {
    const { stages } = await superviseWorkers(workers, log);
    console.log(listening(stages, workers));
  } else {
    const stages = await serve(workers);
    process.send?.({ type: 'portico-gateway-ready', stages } satisfies WorkerReady);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
