// The zero-setup database: a real PostgreSQL server from npm, whose data survives a restart.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from './embedded-postgres';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portico-embedded-'));
fs.chmodSync(dir, 0o755);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('embedded PostgreSQL', () => {
  it('starts, keeps its data across a restart, and refuses a port in use', async () => {
    const port = await freePort();
    const dataDir = path.join(dir, 'data');
    const first = await startEmbeddedPostgres({ dir: dataDir, port });
    await query(first.url, 'CREATE TABLE kept (v text); INSERT INTO kept VALUES ($$still here$$)');
    await expect(startEmbeddedPostgres({ dir: path.join(dir, 'other'), port })).rejects.toThrow(/already in use/);
    await first.stop();

    const second = await startEmbeddedPostgres({ dir: dataDir, port });
    try {
      expect(await query<{ v: string }>(second.url, 'SELECT v FROM kept')).toEqual([{ v: 'still here' }]);
      const [{ server_version: version } = { server_version: '' }] = await query<{ server_version: string }>(
        second.url,
        'SHOW server_version',
      );
      expect(Number.parseInt(version, 10)).toBeGreaterThanOrEqual(15);
    } finally {
      await second.stop();
    }
  });

  it('has a random password per install, kept beside its data for Portico alone; an old install gets one at its next start', async () => {
    const port = await freePort();
    const dataDir = path.join(dir, 'secret');
    const passwordFile = `${dataDir}.password`;
    const legacy = (url: string) => url.replace(/:\/\/postgres:[^@]+@/, '://postgres:portico@');
    const first = await startEmbeddedPostgres({ dir: dataDir, port });
    try {
      expect(fs.statSync(passwordFile).mode & 0o777).toBe(0o600);
      expect(first.url).toContain(encodeURIComponent(fs.readFileSync(passwordFile, 'utf8').trim()));
      await expect(query(legacy(first.url), 'SELECT 1')).rejects.toThrow(/password authentication failed/);
      // made an install of before: the well-known password, no password file
      await query(first.url, "ALTER ROLE postgres PASSWORD 'portico'");
      fs.rmSync(passwordFile);
    } finally {
      await first.stop();
    }
    const second = await startEmbeddedPostgres({ dir: dataDir, port });
    try {
      expect(fs.existsSync(passwordFile)).toBe(true);
      expect(await query<{ one: number }>(second.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
      await expect(query(legacy(second.url), 'SELECT 1')).rejects.toThrow(/password authentication failed/);
    } finally {
      await second.stop();
    }
  });
});
