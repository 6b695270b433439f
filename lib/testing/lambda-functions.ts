// Test helpers for the management API's functions: deployment packages, CreateFunction with sensible defaults (the
// functions deleted when the test file ends, so that no later file's gateway loads them), and a function runtime of
// the test file's own (unpacking into a temporary folder, its processes stopped afterwards).
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CreateFunctionCommand, type CreateFunctionCommandInput, type LambdaClient } from '@aws-sdk/client-lambda';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { db } from '../db/client';
import { closeFunctionRuntime } from '../functions/runtime-instance';
import { CONFIG_CHANNEL } from '../services/config-changes';

export const ROLE = 'arn:aws:iam::123456789012:role/portico-test';

/** A single-file package: the JavaScript source itself. */
export const source = (text: string): Uint8Array => new TextEncoder().encode(text);

export const ECHO = 'exports.handler = async (e) => ({ got: e });';

let counter = 0;
/** A function name no other test uses. */
export const uniqueName = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++counter}`;

const created = new Set<string>();

export function createFunction(
  client: LambdaClient,
  name: string,
  overrides: Partial<CreateFunctionCommandInput> = {},
) {
  created.add(name);
  return client.send(
    new CreateFunctionCommand({
      FunctionName: name,
      Runtime: 'nodejs20.x',
      Role: ROLE,
      Handler: 'index.handler',
      Code: { ZipFile: source(ECHO) },
      ...overrides,
    }),
  );
}

/**
 * For a test file that creates functions: the process's function runtime unpacks under a temporary PORTICO_DATA_DIR
 * and is closed at the end, and the functions createFunction made are deleted then.
 */
export function withTestFunctions(): void {
  let dataDir: string | undefined;
  const previous = process.env.PORTICO_DATA_DIR;
  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'portico-functions-'));
    process.env.PORTICO_DATA_DIR = dataDir;
  });
  afterAll(async () => {
    await db().function.deleteMany({ where: { functionName: { in: [...created] } } });
    await closeFunctionRuntime();
    if (previous === undefined) delete process.env.PORTICO_DATA_DIR;
    else process.env.PORTICO_DATA_DIR = previous;
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
  });
}

/** The configuration changes NOTIFY sends while `action` runs. */
export async function notificationsDuring(action: () => Promise<unknown>): Promise<unknown[]> {
  const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await listener.connect();
  const heard: unknown[] = [];
  listener.on('notification', (n) => heard.push(JSON.parse(n.payload ?? 'null')));
  try {
    await listener.query(`LISTEN ${CONFIG_CHANNEL}`);
    await action();
    await listener.query('SELECT 1'); // notifications of committed transactions arrive before this answer
    return heard;
  } finally {
    await listener.end();
  }
}
