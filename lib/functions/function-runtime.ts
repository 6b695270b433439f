// The Lambda-compatible function runtime: each function version runs in its own Node.js processes (runner.cjs), one
// invocation at a time per process, kept warm between invocations and stopped after 5 idle minutes. A process runs
// under Node's permission model: it reads only its unpacked code, writes only its own temporary folder, starts no
// processes or threads, and sees only its own environment (Lambda's variables and the function's), never the host's.
// Its heap is capped at the function's memory size. An invocation that outlives the function's timeout kills its
// process, as does an error nobody caught; both answer Lambda's error payloads.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { unpackedCode } from './code-package';
import { isLoaderVariable } from './loader-variables';
import { readRunnerMessages } from './runner-channel';

export interface FunctionSpec {
  functionName: string;
  /** `$LATEST` or a published version number */
  version: string;
  /** the unqualified ARN */
  functionArn: string;
  handler: string;
  runtime: string;
  /** seconds */
  timeout: number;
  /** MB */
  memorySize: number;
  /** Lambda's CodeSha256 (base64): the package's identity */
  codeSha256: string;
  environment: Record<string, string>;
  /** the deployment package, read only when it is not unpacked yet */
  loadCode: () => Promise<Uint8Array>;
}

export interface InvokeOptions {
  requestId?: string;
  /** the caller stopped waiting (its own timeout): an invocation still queued for a process is dropped */
  signal?: AbortSignal;
  /** the ARN the caller named (with its alias or version), as `context.invokedFunctionArn` */
  invokedArn?: string;
}

export interface InvokeResult {
  requestId: string;
  /** the function's result as JSON text, or Lambda's error object when `functionError` is set */
  payload: string;
  functionError?: 'Unhandled';
  /** what the function logged during this invocation (Lambda's log lines) */
  logs: string;
  executedVersion: string;
}

interface Invocation {
  id: number;
  requestId: string;
  logs: string[];
  /** characters kept in `logs` so far */
  logBytes: number;
  resolve: (result: InvokeResult) => void;
  timer: NodeJS.Timeout;
}

interface Worker {
  child: ChildProcess;
  key: string;
  version: string;
  idleSince: number;
  invocation?: Invocation;
  exited: boolean;
  /** timed out or hit by an uncaught error: being killed, never given another invocation */
  retired?: boolean;
}

interface Waiter {
  grant: (worker: Worker | undefined) => void;
}

const IDLE_MS = 5 * 60_000;
/** Invocations that may wait for a busy version's process; past this the version is throttled, as Lambda throttles. */
const MAX_QUEUED_PER_VERSION = 100;

/** Lambda's throttling: the version is running all the processes it may and its queue is full. */
export class FunctionThrottled extends Error {
  constructor() {
    super('Rate Exceeded.');
    this.name = 'FunctionThrottled';
  }
}
const MAX_LOG_BYTES = 1024 * 1024;

const runnerPath = (): string =>
  path.resolve(/*turbopackIgnore: true*/ process.cwd(), 'lib', 'functions', 'runner.cjs');

/**
 * The function's environment as its process gets it. Node reads NODE_OPTIONS (and other NODE_ variables) before
 * the permission model applies, so a function could lift its own confinement through them (`--allow-fs-read=*`):
 * they are dropped, but for NODE_OPTIONS' `--enable-source-maps`, passed as a flag of ours.
 */
function confinedEnvironment(environment: Record<string, string>): { env: Record<string, string>; flags: string[] } {
  const env: Record<string, string> = {};
  const flags: string[] = [];
  for (const [name, value] of Object.entries(environment)) {
    if (name === 'NODE_OPTIONS') {
      if (value.split(/\s+/).includes('--enable-source-maps')) flags.push('--enable-source-maps');
    } else if (!name.startsWith('NODE_') && !isLoaderVariable(name)) {
      env[name] = value;
    }
  }
  return { env, flags };
}

function lambdaError(requestId: string, errorType: string, message: string): string {
  return JSON.stringify({ errorType, errorMessage: `RequestId: ${requestId} Error: ${message}` });
}

export class FunctionRuntime {
  readonly #root: string;
  readonly #maxWorkers: number;
  readonly #workers = new Map<string, Worker[]>();
  readonly #waiting = new Map<string, Waiter[]>();
  /** processes being started per version, counted against its limit */
  readonly #starting = new Map<string, number>();
  /** unpacked code folders by package hash and handler, once unpacked (or being unpacked) */
  readonly #unpacked = new Map<string, Promise<string>>();
  readonly #reaper: NodeJS.Timeout;
  #nextId = 1;
  #closed = false;

  /**
   * @param root where packages are unpacked and functions get their temporary folders
   * @param maxWorkersPerVersion processes one function version may run at once; more invocations wait their turn
   */
  constructor(options: { root: string; maxWorkersPerVersion?: number }) {
    this.#root = options.root;
    this.#maxWorkers = options.maxWorkersPerVersion ?? 10;
    this.#reaper = setInterval(() => this.#reapIdle(), 30_000);
    this.#reaper.unref();
  }

  async invoke(spec: FunctionSpec, event: unknown, options: InvokeOptions = {}): Promise<InvokeResult> {
    if (this.#closed) throw new Error('the function runtime is closed');
    const requestId = options.requestId ?? randomUUID();
    const codeDir = await this.#codeDir(spec);
    const key = `${spec.functionArn}:${spec.version}:${spec.codeSha256}:${spec.handler}:${spec.memorySize}:${JSON.stringify(spec.environment)}`;
    const worker = await this.#acquire(key, spec, codeDir, options.signal);
    return new Promise<InvokeResult>((resolve) => {
      const id = this.#nextId++;
      const deadline = Date.now() + spec.timeout * 1000;
      const invocation: Invocation = {
        id,
        requestId,
        logs: [],
        logBytes: 0,
        resolve: (result) => {
          clearTimeout(invocation.timer);
          worker.invocation = undefined;
          worker.idleSince = Date.now();
          if (!worker.exited && !worker.retired) this.#release(worker);
          resolve(result);
        },
        timer: setTimeout(() => {
          const seconds = spec.timeout.toFixed(2);
          invocation.logs.push(`${new Date().toISOString()} ${requestId} Task timed out after ${seconds} seconds\n`);
          this.#retire(worker);
          this.#finish(worker, {
            payload: lambdaError(requestId, 'Sandbox.Timedout', `Task timed out after ${seconds} seconds`),
            functionError: 'Unhandled',
          });
        }, spec.timeout * 1000),
      };
      worker.invocation = invocation;
      sendToRunner(worker.child, {
        type: 'invoke',
        id,
        event,
        context: {
          awsRequestId: requestId,
          functionName: spec.functionName,
          functionVersion: spec.version,
          invokedFunctionArn: options.invokedArn ?? spec.functionArn,
          memoryLimitInMB: String(spec.memorySize),
          logGroupName: `/aws/lambda/${spec.functionName}`,
          logStreamName: `portico/[${spec.version}]${worker.child.pid}`,
          deadline,
        },
      });
    });
  }

  /** Unpacks a version's code ahead of its first invocation (the gateway does so when it loads its functions). */
  prepare(spec: FunctionSpec): Promise<void> {
    return this.#codeDir(spec).then(() => undefined);
  }

  #codeDir(spec: FunctionSpec): Promise<string> {
    const key = `${spec.codeSha256}\n${spec.handler}`;
    let dir = this.#unpacked.get(key);
    if (!dir) {
      dir = unpackedCode(
        path.join(/*turbopackIgnore: true*/ this.#root, 'code'),
        spec.codeSha256,
        spec.handler,
        spec.loadCode,
      );
      this.#unpacked.set(key, dir);
      dir.catch(() => this.#unpacked.delete(key)); // tried again by the next invocation
    }
    return dir;
  }

  /** Stops every function process. */
  async close(): Promise<void> {
    this.#closed = true;
    clearInterval(this.#reaper);
    for (const waiters of this.#waiting.values()) for (const waiter of waiters) waiter.grant(undefined);
    this.#waiting.clear();
    const all = [...this.#workers.values()].flat();
    this.#workers.clear();
    await Promise.all(
      all.map(
        (worker) =>
          new Promise<void>((resolve) => {
            if (worker.exited) return resolve();
            worker.child.once('exit', () => resolve());
            this.#kill(worker);
          }),
      ),
    );
  }

  #finish(worker: Worker, outcome: { payload: string; functionError?: 'Unhandled' }): void {
    const invocation = worker.invocation;
    if (!invocation) return;
    invocation.resolve({
      requestId: invocation.requestId,
      payload: outcome.payload,
      ...(outcome.functionError && { functionError: outcome.functionError }),
      logs: invocation.logs.join(''),
      executedVersion: worker.version,
    });
  }

  async #acquire(key: string, spec: FunctionSpec, codeDir: string, signal?: AbortSignal): Promise<Worker> {
    const workers = this.#workers.get(key) ?? [];
    const idle = workers.find((w) => !w.invocation && !w.exited && !w.retired);
    if (idle) {
      idle.invocation = { id: 0 } as Invocation; // reserved until the invocation is attached
      return idle;
    }
    const starting = this.#starting.get(key) ?? 0;
    if (workers.length + starting < this.#maxWorkers) {
      this.#starting.set(key, starting + 1);
      try {
        const worker = await this.#spawn(key, spec, codeDir);
        worker.invocation = { id: 0 } as Invocation;
        return worker;
      } finally {
        const left = (this.#starting.get(key) ?? 1) - 1;
        if (left > 0) this.#starting.set(key, left);
        else this.#starting.delete(key);
      }
    }
    const queue = this.#waiting.get(key) ?? [];
    if (queue.length >= MAX_QUEUED_PER_VERSION) throw new FunctionThrottled();
    signal?.throwIfAborted();
    const granted = await new Promise<Worker | undefined>((grant, reject) => {
      const waiter: Waiter = { grant };
      queue.push(waiter);
      this.#waiting.set(key, queue);
      // a caller that gave up leaves the queue (a worker already granted is handed on by the caller's release)
      signal?.addEventListener(
        'abort',
        () => {
          const at = queue.indexOf(waiter);
          if (at === -1) return;
          queue.splice(at, 1);
          if (queue.length === 0 && this.#waiting.get(key) === queue) this.#waiting.delete(key);
          reject(signal.reason);
        },
        { once: true },
      );
    });
    if (!granted) throw new Error('the function runtime is closed');
    return granted;
  }

  /** A worker finished an invocation: the next waiter takes it, or it waits idle. */
  #release(worker: Worker): void {
    const queue = this.#waiting.get(worker.key);
    const next = queue?.shift();
    if (queue && queue.length === 0) this.#waiting.delete(worker.key);
    if (next) {
      worker.invocation = { id: 0 } as Invocation;
      next.grant(worker);
    }
  }

  async #spawn(key: string, spec: FunctionSpec, codeDir: string): Promise<Worker> {
    const tmp = path.join(/*turbopackIgnore: true*/ this.#root, 'tmp', `${process.pid}-${randomUUID()}`);
    await fs.mkdir(tmp, { recursive: true });
    const runner = runnerPath();
    const confined = confinedEnvironment(spec.environment);
    // stdin carries invocations, fd 3 the runner's answers (runner-channel.ts): no Node IPC channel with the function
    const child = spawn(
      process.execPath,
      [
        '--experimental-permission',
        `--allow-fs-read=${codeDir}${path.sep}`,
        `--allow-fs-read=${runner}`,
        `--allow-fs-read=${tmp}${path.sep}`,
        `--allow-fs-write=${tmp}${path.sep}`,
        '--openssl-config=/dev/null', // never a configuration file (or provider module) the environment names
        `--max-old-space-size=${Math.max(16, spec.memorySize)}`,
        '--disable-warning=ExperimentalWarning',
        ...confined.flags,
        runner,
      ],
      {
        cwd: codeDir,
        stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
        env: {
          ...confined.env,
          AWS_LAMBDA_FUNCTION_NAME: spec.functionName,
          AWS_LAMBDA_FUNCTION_VERSION: spec.version,
          AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(spec.memorySize),
          AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${spec.functionName}`,
          AWS_EXECUTION_ENV: `AWS_Lambda_${spec.runtime}`,
          AWS_REGION: spec.functionArn.split(':')[3] ?? 'us-east-1',
          AWS_DEFAULT_REGION: spec.functionArn.split(':')[3] ?? 'us-east-1',
          LAMBDA_TASK_ROOT: codeDir,
          TMPDIR: tmp,
          TZ: ':UTC',
          PATH: '/usr/local/bin:/usr/bin:/bin',
          PORTICO_FUNCTION_RUNNER: JSON.stringify({ codeDir, handler: spec.handler }),
        } as Record<string, string> as unknown as NodeJS.ProcessEnv, // no NODE_ENV: Lambda sets none
      },
    );
    const worker: Worker = { child, key, version: spec.version, idleSince: Date.now(), exited: false };
    const list = this.#workers.get(key) ?? [];
    list.push(worker);
    this.#workers.set(key, list);
    // What an invocation logged, kept up to MAX_LOG_BYTES in all (lines cut to fit): never more, however it logs.
    const keepLog = (text: string) => {
      const invocation = worker.invocation;
      if (!invocation?.logs || invocation.logBytes === undefined) return;
      const room = MAX_LOG_BYTES - invocation.logBytes;
      if (room <= 0) return;
      const kept = text.length > room ? text.slice(0, room) : text;
      invocation.logs.push(kept);
      invocation.logBytes += kept.length;
    };
    const log = (chunk: Buffer) => keepLog(chunk.toString('utf8'));
    child.stdout?.on('data', log);
    child.stderr?.on('data', log);
    readRunnerMessages(
      child.stdio[3] as Readable,
      (message) => {
        const invocation = worker.invocation;
        if (!invocation || message.id !== invocation.id) return;
        if (message.type === 'log') {
          keepLog(String(message.line));
        } else if (message.type === 'result') {
          this.#finish(worker, { payload: message.payload });
        } else if (message.type === 'error') {
          if (message.fatal) this.#retire(worker);
          this.#finish(worker, { payload: JSON.stringify(message.error), functionError: 'Unhandled' });
        }
      },
      () => this.#retire(worker),
    ); // anything else on the pipe: the process is ended (its invocation answers ExitError)
    child.stdin?.on('error', () => {}); // a process that has gone: its exit handler answers
    child.on('exit', (code, signal) => {
      worker.exited = true;
      const remaining = (this.#workers.get(key) ?? []).filter((w) => w !== worker);
      if (remaining.length > 0) this.#workers.set(key, remaining);
      else this.#workers.delete(key);
      const invocation = worker.invocation;
      if (invocation && invocation.id !== 0) {
        const status = signal ? `signal: ${signal === 'SIGKILL' ? 'killed' : signal}` : `exit status ${code}`;
        this.#finish(worker, {
          payload: lambdaError(invocation.requestId, 'Runtime.ExitError', `Runtime exited with error: ${status}`),
          functionError: 'Unhandled',
        });
      }
      void fs.rm(tmp, { recursive: true, force: true });
      // a waiter for this version may now start a process of its own
      const queue = this.#waiting.get(key);
      const next = queue?.shift();
      if (next && !this.#closed) {
        void this.#spawn(key, spec, codeDir).then(
          (fresh) => {
            fresh.invocation = { id: 0 } as Invocation;
            next.grant(fresh);
          },
          () => next.grant(undefined),
        );
      }
    });
    return worker;
  }

  #retire(worker: Worker): void {
    worker.retired = true;
    this.#kill(worker);
  }

  #kill(worker: Worker): void {
    if (!worker.exited) worker.child.kill('SIGKILL');
  }

  #reapIdle(): void {
    const now = Date.now();
    for (const workers of this.#workers.values()) {
      for (const worker of workers) {
        if (!worker.invocation && now - worker.idleSince > IDLE_MS) this.#retire(worker);
      }
    }
  }
}

/** One message to the runner: a JSON line on its stdin. */
function sendToRunner(child: ChildProcess, message: unknown): void {
  child.stdin?.write(`${JSON.stringify(message)}\n`);
}
