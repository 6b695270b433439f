// Applies the checked-in migrations with `prisma migrate deploy` (the CLI on the WebAssembly schema engine).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/**
 * Runs the Prisma CLI. `doneWhen`, when given, is output that means the command has finished its work: Prisma 6.19's
 * WebAssembly schema engine leaves a 10-second timer behind after `migrate deploy`, so once that output has appeared
 * the process gets one second to exit by itself and is then ended, successfully.
 */
export function prismaCli(
  args: string[],
  env: Record<string, string | undefined>,
  quiet = true,
  doneWhen?: RegExp,
): Promise<string> {
  const cli = path.join(path.dirname(require.resolve('prisma/package.json')), 'build', 'index.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      env: { ...process.env, ...env, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let finishedWork = false;
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (!quiet) process.stdout.write(chunk);
      if (doneWhen && !finishedWork && doneWhen.test(output)) {
        finishedWork = true;
        setTimeout(() => child.kill('SIGTERM'), 1000).unref();
      }
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
      if (!quiet) process.stderr.write(chunk);
    });
    child.on('error', reject);
    child.on('close', (code, signal) =>
      code === 0 || (finishedWork && signal === 'SIGTERM')
        ? resolve(output)
        : reject(new Error(`prisma ${args.join(' ')} failed (${code ?? signal}):\n${output}`)),
    );
  });
}

export async function migrateDeploy(databaseUrl: string): Promise<void> {
  await prismaCli(
    ['migrate', 'deploy'],
    { DATABASE_URL: databaseUrl },
    true,
    /All migrations have been successfully applied|No pending migrations to apply/,
  );
}
