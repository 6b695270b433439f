// The gateway process: `tsx lib/gateway/main.ts` (started by `npm start`). Stops gracefully on SIGINT/SIGTERM.
import { config } from '../config';
import { startGateway } from './server';

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is not set');
  const running = await startGateway({
    port: config.gatewayPort,
    adminPort: config.gatewayAdminPort,
    databaseUrl,
    log: (message) => console.log(`gateway: ${message}`),
  });
  console.log(
    `gateway listening on :${config.gatewayPort} (admin :${config.gatewayAdminPort}), serving ${running.store.size} stage(s)`,
  );
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await running.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
