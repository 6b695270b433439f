// Applies the checked-in migrations with `prisma migrate deploy` (the CLI on the WebAssembly schema engine).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

export function prismaCli(args: string[], env: Record<string, string | undefined>, quiet = true): Promise<string> {
  const cli = path.join(path.dirname(require.resolve('prisma/package.json')), 'build', 'index.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      env: { ...process.env, ...env, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (!quiet) process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
      if (!quiet) process.stderr.write(chunk);
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`prisma ${args.join(' ')} failed (${code}):\n${output}`)),
    );
  });
}

export async function migrateDeploy(databaseUrl: string): Promise<void> {
  await prismaCli(['migrate', 'deploy'], { DATABASE_URL: databaseUrl });
}
