import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeSha256 } from './code-package';
import { FunctionRuntime, type FunctionSpec, FunctionThrottled } from './function-runtime';

let root: string;
let runtime: FunctionRuntime;

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'portico-fn-'));
  runtime = new FunctionRuntime({ root, maxWorkersPerVersion: 2 });
});

afterAll(async () => {
  await runtime?.close();
  await fs.rm(root, { recursive: true, force: true });
});

function spec(source: string, overrides: Partial<FunctionSpec> = {}): FunctionSpec {
  const code = Buffer.from(source);
  return {
    functionName: 'fn',
    version: '$LATEST',
    functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:fn',
    handler: 'index.handler',
    runtime: 'nodejs20.x',
    timeout: 3,
    memorySize: 128,
    codeSha256: codeSha256(code),
    environment: {},
    loadCode: async () => code,
    ...overrides,
  };
}

describe('the function runtime', () => {
  it('runs async and callback handlers with Lambda’s context, and keeps the process warm', async () => {
    const asyncFn = spec(
      'let calls = 0; exports.handler = async (event, context) => ({ echo: event, calls: ++calls, name: context.functionName, left: context.getRemainingTimeInMillis() > 0, env: process.env.GREETING });',
      { environment: { GREETING: 'hi' } },
    );
    const first = await runtime.invoke(asyncFn, { a: 1 });
    expect(JSON.parse(first.payload)).toEqual({ echo: { a: 1 }, calls: 1, name: 'fn', left: true, env: 'hi' });
    expect(first.functionError).toBeUndefined();
    expect(JSON.parse((await runtime.invoke(asyncFn, null)).payload).calls).toBe(2); // the same process

    const callback = spec(
      'exports.handler = (event, context, callback) => { setTimeout(() => callback(null, "done"), 5); };',
    );
    expect((await runtime.invoke(callback, {})).payload).toBe('"done"');
  });

  it('answers a thrown error as Lambda’s error object, with the logs of the invocation', async () => {
    const failing = spec(
      'exports.handler = async () => { console.log("about to fail", {n: 1}); throw new TypeError("boom"); };',
    );
    const result = await runtime.invoke(failing, {}, { requestId: 'req-1' });
    expect(result.functionError).toBe('Unhandled');
    expect(JSON.parse(result.payload)).toMatchObject({ errorType: 'TypeError', errorMessage: 'boom' });
    expect(result.logs).toMatch(/^\S+\treq-1\tINFO\tabout to fail \{ n: 1 \}\n/);
  });

  it('stops an invocation at the timeout, and a function that exits, with Lambda’s errors', async () => {
    const slow = spec('exports.handler = () => new Promise(() => {});', { timeout: 1 });
    const timedOut = await runtime.invoke(slow, {}, { requestId: 'req-2' });
    expect(timedOut.functionError).toBe('Unhandled');
    expect(JSON.parse(timedOut.payload)).toEqual({
      errorType: 'Sandbox.Timedout',
      errorMessage: 'RequestId: req-2 Error: Task timed out after 1.00 seconds',
    });
    const exiting = spec('exports.handler = async () => { process.exit(3); };');
    const exited = await runtime.invoke(exiting, {}, { requestId: 'req-3' });
    expect(JSON.parse(exited.payload)).toEqual({
      errorType: 'Runtime.ExitError',
      errorMessage: 'RequestId: req-3 Error: Runtime exited with error: exit status 3',
    });
    // the next invocation gets a fresh process
    expect((await runtime.invoke(spec('exports.handler = async () => 1;'), {})).payload).toBe('1');
  });

  it('caps a function’s heap at its memory size: one that outgrows it ends with Lambda’s Runtime.ExitError', async () => {
    const hungry = spec(
      'const keep = []; exports.handler = async () => { for (;;) keep.push(new Array(1e6).fill(1)); };',
      {
        memorySize: 64,
        timeout: 20,
      },
    );
    const result = await runtime.invoke(hungry, {}, { requestId: 'req-oom' });
    expect(result.functionError).toBe('Unhandled');
    expect(JSON.parse(result.payload)).toMatchObject({ errorType: 'Runtime.ExitError' });
    expect(JSON.parse(result.payload).errorMessage).toMatch(/^RequestId: req-oom Error: Runtime exited with error: /);
  }, 30_000);

  it('confines a function: no host files, no processes, no host environment', async () => {
    process.env.PORTICO_TEST_SECRET = 'do-not-leak';
    const nosy = spec(`
      const fs = require('node:fs');
      exports.handler = async () => {
        const tried = {};
        try { fs.readFileSync('/etc/hostname'); tried.read = 'allowed'; } catch (e) { tried.read = e.code; }
        try { require('node:child_process').execSync('true'); tried.spawn = 'allowed'; } catch (e) { tried.spawn = e.code; }
        try { fs.writeFileSync(require('node:os').tmpdir() + '/scratch', 'x'); tried.tmp = 'written'; } catch (e) { tried.tmp = e.code; }
        tried.secret = process.env.PORTICO_TEST_SECRET ?? null;
        tried.database = process.env.DATABASE_URL ?? null;
        return tried;
      };`);
    expect(JSON.parse((await runtime.invoke(nosy, {})).payload)).toEqual({
      read: 'ERR_ACCESS_DENIED',
      spawn: 'ERR_ACCESS_DENIED',
      tmp: 'written',
      secret: null,
      database: null,
    });
    delete process.env.PORTICO_TEST_SECRET;
  });

  it('drops NODE_ variables: NODE_OPTIONS cannot lift the confinement', async () => {
    const escaping = spec(
      `exports.handler = async () => { try { require('node:fs').readFileSync('/etc/hostname'); return 'read'; } catch (e) { return e.code; } };`,
      { environment: { NODE_OPTIONS: '--allow-fs-read=* --enable-source-maps', NODE_PATH: '/' } },
    );
    expect(JSON.parse((await runtime.invoke(escaping, {})).payload)).toBe('ERR_ACCESS_DENIED');
  });

  it('runs a zip package and an ES module, and says so when the handler is missing', async () => {
    const zip = zipSync({ 'src/app.mjs': Buffer.from('export const main = async (e) => ({ esm: true, e });') });
    const zipped = spec('', { handler: 'src/app.main', codeSha256: codeSha256(zip), loadCode: async () => zip });
    expect(JSON.parse((await runtime.invoke(zipped, 7)).payload)).toEqual({ esm: true, e: 7 });
    const missing = spec('exports.other = async () => 1;');
    expect(JSON.parse((await runtime.invoke(missing, {})).payload)).toMatchObject({
      errorType: 'Runtime.HandlerNotFound',
      errorMessage: 'index.handler is undefined or not exported',
    });
  });

  it('runs a version’s invocations side by side up to its limit, queueing the rest', async () => {
    const sleepy = spec(
      'exports.handler = async (ms) => { await new Promise((r) => setTimeout(r, ms)); return process.pid; };',
    );
    const pids = await Promise.all([200, 200, 200, 200].map((ms) => runtime.invoke(sleepy, ms)));
    expect(new Set(pids.map((r) => r.payload)).size).toBe(2); // maxWorkersPerVersion: 2
  });

  it('ends a process that writes anything but runner messages on its channel, never the host', async () => {
    const garbage = spec(
      'exports.handler = async () => { require("fs").writeSync(3, "{\\"type\\":\\"result\\", oops\\n"); await new Promise(() => {}); };',
    );
    const result = await runtime.invoke(garbage, {});
    expect(result.functionError).toBe('Unhandled');
    expect(JSON.parse(result.payload).errorType).toBe('Runtime.ExitError');
    const wrongShape = spec(
      'exports.handler = async () => { require("fs").writeSync(3, "null\\n"); await new Promise(() => {}); };',
    );
    expect(JSON.parse((await runtime.invoke(wrongShape, {})).payload).errorType).toBe('Runtime.ExitError');
    // the host is fine, and so is the next invocation
    expect((await runtime.invoke(spec('exports.handler = async () => 1;'), {})).payload).toBe('1');
  });

  it('may signal only its own process, and cannot change other processes’ priority', async () => {
    const result = await runtime.invoke(
      spec(
        'const os = require("os"); const tryIt = (f) => { try { f(); return "allowed"; } catch (e) { return e.code; } }; exports.handler = async () => ({ kill: tryIt(() => process.kill(process.ppid, "SIGSTOP")), zero: tryIt(() => process.kill(process.ppid, 0)), priority: tryIt(() => os.setPriority(process.ppid, 19)), hidden: typeof process._kill, self: tryIt(() => process.kill(process.pid, 0)) });',
      ),
      {},
    );
    expect(JSON.parse(result.payload)).toEqual({
      kill: 'EPERM',
      zero: 'EPERM',
      priority: 'EPERM',
      hidden: 'undefined',
      self: 'allowed',
    });
  });

  it('keeps at most 1 MB of an invocation’s logs, however they are written', async () => {
    const result = await runtime.invoke(
      spec(
        'exports.handler = async () => { const line = "x".repeat(60000); for (let i = 0; i < 100; i++) { console.log(line); process.stdout.write(line); } return 1; };',
      ),
      {},
    );
    expect(result.payload).toBe('1');
    expect(result.logs.length).toBeLessThanOrEqual(1024 * 1024);
    expect(result.logs.length).toBeGreaterThan(1000 * 1024);
  });

  it('reads back what it wrote in its temporary folder, and never gets loader variables', async () => {
    const result = await runtime.invoke(
      spec(
        'const fs = require("fs"); const p = require("path"); exports.handler = async () => { const f = p.join(require("os").tmpdir(), "a"); fs.writeFileSync(f, "kept"); return { tmp: fs.readFileSync(f, "utf8"), preload: process.env.LD_PRELOAD ?? null, conf: process.env.OPENSSL_CONF ?? null }; };',
        { environment: { LD_PRELOAD: './evil.so', OPENSSL_CONF: './openssl.cnf' } },
      ),
      {},
    );
    expect(JSON.parse(result.payload)).toEqual({ tmp: 'kept', preload: null, conf: null });
  });

  it('throttles a version whose queue is full, and drops a queued invocation whose caller gave up', async () => {
    const single = new FunctionRuntime({ root, maxWorkersPerVersion: 1 });
    try {
      const quick = spec('exports.handler = async () => 1;', { functionName: 'queued' });
      const first = single.invoke(quick, {}); // starts the version's only process
      const gaveUp = new AbortController();
      const abandoned = single.invoke(quick, {}, { signal: gaveUp.signal });
      const queued = Array.from({ length: 99 }, () => single.invoke(quick, {}));
      await expect(single.invoke(quick, {})).rejects.toBeInstanceOf(FunctionThrottled); // 100 already waiting
      gaveUp.abort(new Error('the caller timed out'));
      await expect(abandoned).rejects.toThrow('the caller timed out');
      const answers = await Promise.all([first, ...queued]);
      expect(answers.map((answer) => answer.payload)).toEqual(Array(100).fill('1'));
    } finally {
      await single.close();
    }
  });
});
