// Several gateway processes on one port (node:cluster): the primary only supervises — it forks the workers, restarts
// one that dies, and on SIGINT/SIGTERM asks each to drain and waits for them. Each worker is a whole gateway (its own
// configuration store and backend pools); the primary hands out incoming connections round-robin. Known limit of
// node:cluster: a connection handed to a worker in the instant it dies (before the primary hears of it) is lost
// with that worker's own connections; the primary then hands new ones to the live workers only.
import cluster, { type Worker } from 'node:cluster';

export interface WorkerReady {
  type: 'portico-gateway-ready';
  stages: number;
}

const RESTART_DELAY_MS = 1000;
/** A worker dying again and again is restarted with a growing delay, up to this (deaths counted over a minute). */
const MAX_RESTART_DELAY_MS = 30_000;

export function isWorkerReady(message: unknown): message is WorkerReady {
  return (message as WorkerReady | null)?.type === 'portico-gateway-ready';
}

/** Runs in the primary: returns once every worker has started listening (or fails if one exits before). */
export function superviseWorkers(count: number, log: (message: string) => void): Promise<{ stages: number }> {
  let stopping = false;
  const deaths: number[] = [];
  const fork = (): Worker => cluster.fork();

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
    // process.exit() ends the primary at once, pending restarts included.
    if (workers.length === 0) process.exit();
    let left = workers.length;
    for (const worker of workers) {
      worker.once('exit', () => {
        left -= 1;
        if (left === 0) process.exit();
      });
      worker.process.kill(signal);
    }
  };
  process.on('SIGINT', () => stop('SIGTERM'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  return new Promise((resolve, reject) => {
    let ready = 0;
    let stages = 0;
    let started = false;
    cluster.on('message', (_worker, message) => {
      if (!isWorkerReady(message) || started) return;
      ready += 1;
      stages = message.stages;
      if (ready === count) {
        started = true;
        resolve({ stages });
      }
    });
    cluster.on('exit', (worker, code, signal) => {
      if (stopping) return;
      if (!started) {
        reject(new Error(`a gateway worker exited while starting (${signal ?? code})`));
        return;
      }
      const now = Date.now();
      deaths.push(now);
      while (deaths.length > 0 && (deaths[0] as number) < now - 60_000) deaths.shift();
      // Never give up serving: a worker that keeps dying (a request that crashes it, say) is restarted later and
      // later, up to every 30 s, while the others go on. The timer keeps the primary alive even with no worker left.
      const delay = Math.min(MAX_RESTART_DELAY_MS, RESTART_DELAY_MS * 2 ** Math.max(0, deaths.length - 1));
      log(`worker ${worker.process.pid} exited (${signal ?? code}); starting another in ${delay} ms`);
      setTimeout(() => {
        if (!stopping) fork();
      }, delay);
    });
    for (let i = 0; i < count; i += 1) fork();
  });
}
