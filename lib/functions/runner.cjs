// The process a function runs in (Lambda's execution environment, one invocation at a time), started by
// function-runtime.ts under Node's permission model: it may read only its code and this file, write only its own
// temporary folder, and start no processes. Plain CommonJS, so that it loads without any loader of the host.
//
// Protocol, one JSON object per line: the parent sends {type: 'invoke', id, event, context} on stdin; the runner
// answers on fd 3 {type: 'result', id, payload} or {type: 'error', id, error: {errorType, errorMessage, trace}}, with
// the lines the function logged in between as {type: 'log', id, line}. (Not Node's IPC channel: a malformed frame
// on it throws in the parent, and the function's code can write to it.)
'use strict';

const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { format } = require('node:util');

// Signals and priorities are not covered by the permission model: a function could stop or kill the gateway that
// started it, or other functions' processes. It may signal itself only.
{
  const ownPid = process.pid;
  const realKill = process._kill ? process._kill.bind(process) : undefined;
  const refuse = (syscall) => Object.assign(new Error(`${syscall} EPERM`), { code: 'EPERM', errno: -1, syscall });
  delete process._kill;
  const os = require('node:os');
  process.kill = (pid, signal = 'SIGTERM') => {
    if (Number(pid) !== ownPid || !realKill) throw refuse('kill');
    const failed = realKill(ownPid, typeof signal === 'number' ? signal : os.constants.signals[signal]);
    if (failed) throw refuse('kill');
    return true;
  };
  const realSetPriority = os.setPriority;
  os.setPriority = (pid, priority) => {
    if (priority === undefined) return realSetPriority(pid);
    if (Number(pid) !== 0 && Number(pid) !== ownPid) throw refuse('uv_os_setpriority');
    return realSetPriority(pid, priority);
  };
}

const settings = JSON.parse(process.env.PORTICO_FUNCTION_RUNNER || '{}');
delete process.env.PORTICO_FUNCTION_RUNNER;
// Answers go to the runtime as JSON lines on fd 3 (runner-channel.ts reads them); invocations come on stdin.
const channel = new (require('node:net').Socket)({ fd: 3, readable: false, writable: true });
const send = (message) => channel.write(`${JSON.stringify(message)}\n`);

let current; // the invocation being run: { id, requestId }

function errorObject(error, fallbackType) {
  if (error instanceof Error) {
    return {
      errorType: error.name || fallbackType,
      errorMessage: error.message,
      trace: typeof error.stack === 'string' ? error.stack.split('\n') : [],
    };
  }
  return { errorType: fallbackType, errorMessage: typeof error === 'string' ? error : format('%o', error), trace: [] };
}

// console.* as Lambda's Node.js runtime prints it: `time \t requestId \t LEVEL \t message`.
for (const [method, level] of [
  ['log', 'INFO'],
  ['info', 'INFO'],
  ['warn', 'WARN'],
  ['error', 'ERROR'],
  ['debug', 'DEBUG'],
  ['trace', 'TRACE'],
]) {
  console[method] = (...args) => {
    const line = `${new Date().toISOString()}\t${current?.requestId ?? 'undefined'}\t${level}\t${format(...args)}\n`;
    send({ type: 'log', id: current?.id, line });
  };
}

async function loadHandler() {
  const handler = settings.handler || 'index.handler';
  const dot = handler.lastIndexOf('.');
  const moduleName = handler.slice(0, dot);
  const exportName = handler.slice(dot + 1);
  const base = path.resolve(settings.codeDir, moduleName);
  if (dot <= 0 || !base.startsWith(settings.codeDir)) {
    throw Object.assign(new Error(`Bad handler ${handler}`), { name: 'Runtime.MalformedHandlerName' });
  }
  let loaded;
  for (const extension of ['.js', '.mjs', '.cjs']) {
    const file = base + extension;
    try {
      require('node:fs').accessSync(file);
    } catch {
      continue;
    }
    loaded = extension === '.cjs' ? require(file) : await loadModule(file);
    break;
  }
  if (loaded === undefined) {
    throw Object.assign(new Error(`Cannot find module '${moduleName}'`), { name: 'Runtime.ImportModuleError' });
  }
  const fn = exportName.split('.').reduce((value, key) => (value == null ? undefined : value[key]), loaded);
  if (typeof fn !== 'function') {
    throw Object.assign(new Error(`${handler} is undefined or not exported`), { name: 'Runtime.HandlerNotFound' });
  }
  return fn;
}

async function loadModule(file) {
  try {
    return require(file);
  } catch (error) {
    if (error && (error.code === 'ERR_REQUIRE_ESM' || error instanceof SyntaxError)) {
      return import(pathToFileURL(file).href);
    }
    throw error;
  }
}

const handlerReady = loadHandler();
handlerReady.catch(() => undefined); // reported with the first invocation

function run(message) {
  const { id, event, context } = message;
  current = { id, requestId: context.awsRequestId };
  let settled = false;
  const finish = (error, result) => {
    if (settled) return;
    settled = true;
    current = undefined;
    if (error !== null && error !== undefined) {
      send({ type: 'error', id, error: errorObject(error, 'Error') });
      return;
    }
    let payload;
    try {
      payload = result === undefined ? 'null' : JSON.stringify(result);
    } catch (serializeError) {
      send({ type: 'error', id, error: errorObject(serializeError, 'Runtime.SerializationError') });
      return;
    }
    send({ type: 'result', id, payload: payload === undefined ? 'null' : payload });
  };
  const lambdaContext = {
    ...context,
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, context.deadline - Date.now()),
    done: finish,
    succeed: (result) => finish(null, result),
    fail: (error) => finish(error ?? new Error('handled')),
  };
  handlerReady.then(
    (fn) => {
      try {
        const returned = fn(event, lambdaContext, finish);
        if (returned && typeof returned.then === 'function')
          returned.then(
            (r) => finish(null, r),
            (e) => finish(e),
          );
        else if (fn.length < 3) finish(null, returned);
      } catch (error) {
        finish(error);
      }
    },
    (error) => finish(error),
  );
}

require('node:readline')
  .createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })
  .on('line', (line) => {
    const message = JSON.parse(line);
    if (message && message.type === 'invoke') run(message);
  });

// Like Lambda: an error nobody caught ends the invocation with it, and the environment is not reused.
for (const kind of ['uncaughtException', 'unhandledRejection']) {
  process.on(kind, (error) => {
    if (current) {
      const errorType =
        kind === 'unhandledRejection' ? 'Runtime.UnhandledPromiseRejection' : 'Runtime.UncaughtException';
      send({ type: 'error', id: current.id, error: errorObject(error, errorType), fatal: true });
    }
    setImmediate(() => process.exit(1));
  });
}

// The runtime went away (its end of stdin closed): so does this process.
process.stdin.on('end', () => process.exit(0));
