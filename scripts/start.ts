// `npm start` (production build of the console) and `npm run dev` (next dev): one command that brings up Portico.
//  1. the database: DATABASE_URL, or the embedded PostgreSQL in .data/ (started here, stopped on exit; data stays)
//  2. migrations (prisma migrate deploy), the bootstrap admin and access key, the demo API on first start
//  3. the console (Next.js) on PORTICO_CONSOLE_PORT and the gateway on PORTICO_GATEWAY_PORT
// Ctrl-C (or SIGTERM) stops the children, then the embedded database, and exits.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { config } from '../lib/config';
import { ensureMasterKeyFile } from '../lib/crypto/master-key';
import { db } from '../lib/db/client';
import { migrateDeploy } from '../lib/db/migrate';
import { ensureAdminUser } from '../lib/services/bootstrap/ensure-admin-user';
import { ensureBootstrapAccessKey } from '../lib/services/bootstrap/ensure-bootstrap-access-key';
import { claimFirstStart } from '../lib/services/bootstrap/first-start';
import { seedDemoApi } from '../lib/services/bootstrap/seed-demo-api';
import { consoleBuildIsCurrent } from './lib/build-state';
import { resolveDatabase } from './lib/database';
import { NEXT_CLI, node, ROOT, startNode, stopProcess, TSX_CLI } from './lib/processes';

const log = (line: string) => console.log(`portico: ${line}`);
const mode = process.argv[2] === 'dev' ? 'dev' : 'start';

async function prepareDatabase(url: string): Promise<void> {
  log('applying migrations');
  await migrateDeploy(url);
  const admin = await ensureAdminUser({
    email: process.env.PORTICO_ADMIN_EMAIL,
    password: process.env.PORTICO_ADMIN_PASSWORD,
  });
  if (admin.generatedPassword) {
    console.log(
      `\n  Bootstrap admin created. Sign in as ${admin.email} with the password ${admin.generatedPassword}\n` +
        '  (shown this once; set PORTICO_ADMIN_PASSWORD to choose it yourself).\n',
    );
  } else if (admin.created) {
    log(`bootstrap admin ${admin.email} created`);
  }
  const { PORTICO_ACCESS_KEY_ID: keyId, PORTICO_SECRET_ACCESS_KEY: secret } = process.env;
  if (keyId && secret) {
    await ensureBootstrapAccessKey(admin.email, keyId, secret);
    log(`access key ${keyId} is ready for ${admin.email}`);
  } else if (keyId || secret) {
    throw new Error('Set both PORTICO_ACCESS_KEY_ID and PORTICO_SECRET_ACCESS_KEY, or neither');
  }
  if (await claimFirstStart()) {
    const apiId = await seedDemoApi();
    log(`seeded the demo API ${apiId}`);
  }
  await db().$disconnect();
}

async function main(): Promise<void> {
  fs.mkdirSync(config.dataDir, { recursive: true });
  const env: Record<string, string> = {
    PORTICO_SECRET_KEY: process.env.PORTICO_SECRET_KEY || ensureMasterKeyFile(),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL || `http://localhost:${config.consolePort}`,
    NEXT_TELEMETRY_DISABLED: '1',
  };
  Object.assign(process.env, env);
  const database = await resolveDatabase(log);
  process.env.DATABASE_URL = database.url;
  const children: ChildProcess[] = [];
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('stopping');
    await Promise.all(children.map((child) => stopProcess(child)));
    await database.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  try {
    await prepareDatabase(database.url);
    if (mode === 'start' && !consoleBuildIsCurrent(ROOT)) {
      log('building the console (next build)…');
      if ((await node([NEXT_CLI, 'build'], { NODE_ENV: 'production' })) !== 0) throw new Error('next build failed');
    }
  } catch (error) {
    console.error(`portico: ${error instanceof Error ? error.message : String(error)}`);
    await shutdown(1);
    return;
  }
  if (stopping) return;

  const childEnv = { ...env, DATABASE_URL: database.url, PORTICO_DATABASE_MODE: database.mode };
  const consoleProcess = startNode([NEXT_CLI, mode, '-p', String(config.consolePort)], {
    ...childEnv,
    NODE_ENV: mode === 'dev' ? 'development' : 'production',
  });
  const gatewayProcess = startNode([TSX_CLI, 'lib/gateway/main.ts'], childEnv);
  children.push(consoleProcess, gatewayProcess);
  for (const [name, child] of [
    ['console', consoleProcess],
    ['gateway', gatewayProcess],
  ] as const) {
    child.on('exit', (code) => {
      if (!stopping) {
        console.error(`portico: the ${name} exited (${code}); stopping everything`);
        void shutdown(1);
      }
    });
  }
  log(`console  http://localhost:${config.consolePort}`);
  log(`gateway  http://localhost:${config.gatewayPort}  (admin http://localhost:${config.gatewayAdminPort}/health)`);
  log('press Ctrl-C to stop');
}

main().catch((error) => {
  // The message says what to do; the stack only with PORTICO_DEBUG=1.
  console.error(`portico: ${error instanceof Error ? error.message : String(error)}`);
  if (process.env.PORTICO_DEBUG && error instanceof Error) console.error(error.stack);
  process.exit(1);
});
