// Starts Portico exactly as `npm start` does (scripts/start.ts), on a fresh database of its own, and stops it after.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, startTestServer } from '../../lib/db/test-database';
import { consoleUrl, E2E, gatewayUrl } from './ports';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

async function waitFor(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Portico exited (${child.exitCode}) before ${url} answered`);
    try {
      const res = await fetch(url, { redirect: 'manual' });
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const server = await startTestServer();
  const database = await createTestDatabase(server.adminUrl, 'portico_e2e');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portico-e2e-data-'));
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/start.ts', 'start'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        PORTICO_DATA_DIR: dataDir,
        PORTICO_CONSOLE_PORT: String(E2E.consolePort),
        PORTICO_GATEWAY_PORT: String(E2E.gatewayPort),
        PORTICO_GATEWAY_ADMIN_PORT: String(E2E.gatewayAdminPort),
        PORTICO_ADMIN_EMAIL: E2E.adminEmail,
        PORTICO_ADMIN_PASSWORD: E2E.adminPassword,
        PORTICO_ACCESS_KEY_ID: E2E.accessKeyId,
        PORTICO_SECRET_ACCESS_KEY: E2E.secretAccessKey,
      },
    },
  );
  try {
    await waitFor(`${consoleUrl}/signin`, child, 240_000);
    await waitFor(`${gatewayUrl}/`, child, 30_000);
  } catch (error) {
    child.kill('SIGTERM');
    await database.drop().catch(() => {});
    await server.stop();
    throw error;
  }
  return async () => {
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
    await database.drop();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
