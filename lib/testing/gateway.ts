// Test helper: a gateway on free local ports over the test's database (DATABASE_URL), and its base URL; its
// throttling buckets in memory unless a test gives it Redis.
import type { AddressInfo } from 'node:net';
import { type RunningGateway, startGateway } from '../gateway/server';

export async function startTestGateway(
  options: { redisUrl?: string } = {},
): Promise<{ gateway: RunningGateway; url: string }> {
  const gateway = await startGateway({
    port: 0,
    adminPort: 0,
    host: '127.0.0.1',
    databaseUrl: process.env.DATABASE_URL as string,
    redisUrl: options.redisUrl,
  });
  return { gateway, url: `http://127.0.0.1:${(gateway.gateway.address() as AddressInfo).port}` };
}
