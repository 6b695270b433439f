#!/usr/bin/env node
// Portico's entry point: `npm start`, `npm test`, `npm run dev`, and `npx portico apis|import|deploy|url` (scripts/cli.ts).
// Plain Node with no dependencies, so it can install them first: on a fresh clone it runs `npm ci`, and again
// whenever package-lock.json is newer than the installed tree. Then it hands over to scripts/<command>.ts.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const COMMANDS = {
  start: 'start.ts',
  dev: 'start.ts',
  test: 'test.ts',
  apis: 'cli.ts',
  import: 'cli.ts',
  deploy: 'cli.ts',
  url: 'cli.ts',
};

function ensureInstalled() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  const stale = !fs.existsSync(marker) || fs.statSync(lock).mtimeMs > fs.statSync(marker).mtimeMs + 1000;
  if (!stale) return;
  console.log('portico: installing dependencies (npm ci)…');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('portico: npm ci failed');
    process.exit(result.status ?? 1);
  }
}

const [command = 'start', ...rest] = process.argv.slice(2);
const script = COMMANDS[command];
if (!script) {
  console.error(`usage: portico <${Object.keys(COMMANDS).join('|')}>`);
  process.exit(2);
}
ensureInstalled();
const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const child = spawn(process.execPath, [tsx, path.join(root, 'scripts', script), command, ...rest], {
  cwd: root,
  stdio: 'inherit',
});
// Ctrl-C reaches the child through the terminal's process group; this process only waits for it to finish.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
