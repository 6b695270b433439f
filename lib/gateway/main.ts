// The gateway process: `tsx lib/gateway/main.ts`. Stops gracefully on SIGINT/SIGTERM.
import { config } from '../config';
import { startGateway } from './server';

async function main(): Promise<void> {
  const stop = await startGateway({ port: config.gatewayPort, adminPort: config.gatewayAdminPort });
  console.log(`gateway listening on :${config.gatewayPort} (admin :${config.gatewayAdminPort})`);
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
