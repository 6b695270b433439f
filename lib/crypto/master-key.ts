// The master key that encrypts stored secrets. From PORTICO_SECRET_KEY when set (any string of 32+ characters, or 64
// hex digits), otherwise generated once into `<dataDir>/secret.key` (mode 0600) and reused.
import { createHash, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { config } from '../config';

let cached: Buffer | undefined;

function keyFromString(raw: string): Buffer {
  if (/^[0-9a-f]{64}$/i.test(raw)) return Buffer.from(raw, 'hex');
  if (raw.length < 32) throw new Error('PORTICO_SECRET_KEY must be at least 32 characters (or 64 hex digits)');
  return createHash('sha256').update(raw).digest();
}

/** Reads or creates the key file; returns its hex form so launchers can hand it to child processes. */
export function ensureMasterKeyFile(dataDir = config.dataDir): string {
  const file = path.join(dataDir, 'secret.key');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const hex = randomBytes(32).toString('hex');
  fs.writeFileSync(file, `${hex}\n`, { mode: 0o600, flag: 'wx' });
  return hex;
}

export function masterKey(): Buffer {
  if (cached) return cached;
  const raw = process.env.PORTICO_SECRET_KEY || ensureMasterKeyFile();
  cached = keyFromString(raw);
  return cached;
}

/** A key for one purpose, derived from the master key (HKDF-SHA256), so no purpose ever sees the master key. */
export function derivedKey(purpose: string, length = 32): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey(), Buffer.alloc(0), `portico:${purpose}`, length));
}
