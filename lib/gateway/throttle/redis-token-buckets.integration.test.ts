// Throttling buckets shared through a real Redis (REDIS_URL; CI has one): the token bucket contract, two stores
// standing for two gateway nodes, the in-memory fallback while Redis is away, and two running gateways holding one
// stage's limit between them.
import { randomUUID } from 'node:crypto';
import { UpdateStageCommand } from '@aws-sdk/client-api-gateway';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway } from '../../testing/gateway';
import { withManagementApi } from '../../testing/management-api';
import { createMockApi } from '../../testing/mock-api';
import type { RunningGateway } from '../server';
import { bucketContract } from './bucket-contract';
import { RedisTokenBuckets } from './redis-token-buckets';
import { TokenBuckets } from './token-buckets';

const redisUrl = process.env.REDIS_URL;
const SKIPPED = redisUrl ? '' : ' (SKIPPED: REDIS_URL is not set; CI sets it)';
/** every key this file makes starts with it, and goes at the end */
const RUN = `portico-test:${randomUUID()}:`;

afterAll(async () => {
  if (!redisUrl) return;
  const redis = new Redis(redisUrl);
  const keys = await redis.keys(`${RUN}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

async function store(prefix: string, clock: { now: number }) {
  const buckets = new RedisTokenBuckets({
    url: redisUrl as string,
    prefix,
    now: () => clock.now,
    fallback: new TokenBuckets(1, () => clock.now),
    log: (message) => {
      throw new Error(`unexpected: ${message}`); // these tests must run on Redis, never on the fallback
    },
  });
  await buckets.ready();
  return buckets;
}

describe.skipIf(!redisUrl)(`throttling through Redis${SKIPPED}`, () => {
  bucketContract('RedisTokenBuckets', async () => {
    const clock = { now: Date.now() };
    const buckets = await store(`${RUN}${randomUUID()}:`, clock);
    return { buckets, advance: (ms) => (clock.now += ms), close: () => buckets.close() };
  });

  it('holds one limit between two nodes: a burst of 40 is 40 requests in all', async () => {
    const clock = { now: Date.now() };
    const prefix = `${RUN}${randomUUID()}:`;
    const nodes = [await store(prefix, clock), await store(prefix, clock)];
    try {
      const limit = { rateLimit: 0, burstLimit: 40 };
      const one = await Promise.all(Array.from({ length: 50 }, () => nodes[0]?.take('k', limit)));
      const two = await Promise.all(Array.from({ length: 50 }, () => nodes[1]?.take('k', limit)));
      expect([...one, ...two].filter(Boolean)).toHaveLength(40);
    } finally {
      await Promise.all(nodes.map((n) => n.close()));
    }
  });

  it('falls back to the process’s own buckets while Redis cannot be reached, and says so once', async () => {
    const clock = { now: Date.now() };
    const said: string[] = [];
    const away = new RedisTokenBuckets({
      url: 'redis://127.0.0.1:1',
      now: () => clock.now,
      fallback: new TokenBuckets(1, () => clock.now),
      log: (message) => said.push(message),
    });
    await away.ready();
    try {
      const limit = { rateLimit: 0, burstLimit: 2 };
      const taken = [];
      for (let i = 0; i < 3; i += 1) taken.push(await away.take('k', limit));
      expect(taken).toEqual([true, true, false]);
      expect(said).toHaveLength(1);
      expect(said[0]).toMatch(/^Redis unreachable/);
    } finally {
      await away.close();
    }
  });

  describe('two running gateways', () => {
    const { clients } = withManagementApi(['DEVELOPER'] as const);
    const gateways: Array<{ gateway: RunningGateway; url: string }> = [];

    beforeAll(async () => {
      for (let i = 0; i < 2; i += 1) gateways.push(await startTestGateway({ redisUrl }));
    });

    afterAll(async () => {
      await Promise.all(gateways.map(({ gateway }) => gateway.stop()));
    });

    it('share a stage’s method limit: a burst of 6 admits 6 requests across both', async () => {
      const client = clients.DEVELOPER;
      const { restApiId } = await createMockApi(client, [{ name: 'limited', responseTemplate: '{}' }]);
      await client.send(
        new UpdateStageCommand({
          restApiId,
          stageName: 'prod',
          patchOperations: [
            { op: 'replace', path: '/*/*/throttling/burstLimit', value: '6' },
            { op: 'replace', path: '/*/*/throttling/rateLimit', value: '0' },
          ],
        }),
      );
      // Both gateways serve the stage with its new limit before any request counts.
      const deadline = Date.now() + 5_000;
      const limited = ({ gateway }: { gateway: RunningGateway }) =>
        gateway.store.get(restApiId, 'prod')?.throttles.forRoute('/limited', 'GET').limit.burstLimit === 6;
      while (!gateways.every(limited) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      const statuses: number[] = [];
      for (let i = 0; i < 10; i += 1) {
        for (const { url } of gateways) statuses.push((await fetch(`${url}/${restApiId}/prod/limited`)).status);
      }
      expect(statuses.filter((s) => s === 200)).toHaveLength(6);
      expect(statuses.filter((s) => s === 429)).toHaveLength(statuses.length - 6);
    });
  });
});
