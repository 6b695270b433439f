// Child processes of the benchmark, each in a process group of its own, so that stopping one also stops whatever it
// started (tsx's relay, nginx's workers). Everything still running is ended on exit, on Ctrl-C and on failure.
import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';

export interface Child {
  name: string;
  process: ChildProcess;
  /** everything written to stdout and stderr so far (for error messages and for reading a tool's output) */
  output(): string;
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

const running = new Set<Child>();

function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

export function start(
  name: string,
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Child {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const append = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', (code) => resolve(code));
    child.on('error', (error) => {
      append(Buffer.from(`${error.message}\n`));
      resolve(null);
    });
  });
  const handle: Child = {
    name,
    process: child,
    output: () => output,
    exited,
    async stop() {
      running.delete(handle);
      if (child.exitCode !== null || child.signalCode !== null) return;
      killGroup(child.pid, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
      // Whatever the leader left behind in its group (a worker) goes too.
      killGroup(child.pid, 'SIGKILL');
    },
  };
  running.add(handle);
  void exited.then(() => running.delete(handle));
  return handle;
}

/** Runs a command to completion and returns its stdout (rejects on a non-zero exit, with the output). */
export async function runToEnd(
  name: string,
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {},
): Promise<string> {
  const child = start(name, command, args, { env: options.env, cwd: options.cwd });
  const timer = setTimeout(() => void child.stop(), options.timeoutMs ?? 120_000);
  const code = await child.exited;
  clearTimeout(timer);
  if (code !== 0) throw new Error(`${name} exited with ${code}:\n${child.output().slice(-4000)}`);
  return child.output();
}

/** Process groups of every child still running (each child leads one). */
export function groups(): Set<number> {
  const ids = new Set<number>();
  for (const child of running) if (child.process.pid !== undefined) ids.add(child.process.pid);
  return ids;
}

export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((child) => child.stop()));
}

/** Last resort, synchronous: used from the process's 'exit' event. */
function killAllNow(): void {
  for (const child of running) killGroup(child.process.pid, 'SIGKILL');
  running.clear();
}

let cleanupHooks: Array<() => Promise<void>> = [];

/** Extra cleanup (a database to drop...) that runs before exiting on a signal. */
export function onCleanup(hook: () => Promise<void>): void {
  cleanupHooks.push(hook);
}

let cleaning: Promise<void> | undefined;

/** Stops every child, then runs the cleanup hooks; callers at the same time (a signal, main's end) share one run. */
export function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    await stopAll();
    const hooks = cleanupHooks;
    cleanupHooks = [];
    for (const hook of hooks.reverse()) {
      await hook().catch((error: unknown) => console.error(`[bench] cleanup step failed: ${String(error)}`));
    }
  })();
  return cleaning;
}

export function installSignalHandlers(): void {
  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\n${signal}: stopping every process the benchmark started...`);
    const force = setTimeout(() => process.exit(130), 15_000);
    void cleanup()
      .catch((error: unknown) => console.error(`[bench] cleanup failed: ${String(error)}`))
      .finally(() => {
        clearTimeout(force);
        process.exit(130);
      });
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  process.on('exit', killAllNow);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `check` until it is true, or fails after `ms` (and with the child's output when it died meanwhile). */
export async function waitFor(what: string, check: () => Promise<boolean>, ms: number, child?: Child): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child && (child.process.exitCode !== null || child.process.signalCode !== null)) {
      throw new Error(`${child.name} exited before ${what}:\n${child.output().slice(-4000)}`);
    }
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}${child ? `:\n${child.output().slice(-4000)}` : ''}`);
}
