// An open-loop, fixed-rate load generator (wrk cannot hold a rate): request i is due at start + i/rate whatever
// happened to the earlier ones, sent over an undici keep-alive pool, and timed from the moment it was sent to the
// end of its body. Prints one JSON line (FIXED_RATE_JSON ...) with the percentiles.
//   node --import tsx bench/http-proxy/fixed-rate.ts URL [--rate 1000] [--duration 10] [--warmup 2] [--connections 64]
// Limits: the timer ticks about once a millisecond, so requests leave in small bursts when the event loop is late;
// each one is still timed from its own send, and the lag behind its due time is reported (schedulerLagMs) — a large
// lag means the generator, not the target, was the bottleneck. `correctedMs` times from the due time instead
// (coordinated-omission corrected). `stalls` groups the requests slower than 50 ms by when they were sent.
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Pool } from 'undici';
import { percentiles } from './percentiles';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rate: { type: 'string', default: '1000' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '64' },
  },
});
const target = positionals[0];
if (!target) throw new Error('usage: fixed-rate.ts URL [--rate N] [--duration S] [--warmup S] [--connections N]');
const rate = Number(values.rate);
const durationMs = Number(values.duration) * 1000;
const warmupMs = Number(values.warmup) * 1000;
const url = new URL(target);
const path = `${url.pathname}${url.search}`;
const pool = new Pool(url.origin, {
  connections: Number(values.connections),
  pipelining: 1,
  keepAliveTimeout: 60_000,
});

const latency: number[] = [];
/** [send time in ms since the measured part began, latency ms] of every request slower than STALL_MS */
const slow: Array<[number, number]> = [];
const STALL_MS = 50;
const corrected: number[] = [];
const lag: number[] = [];
let sent = 0;
let completed = 0;
let errors = 0;
let non2xx = 0;
const inFlight = new Set<Promise<void>>();

async function one(due: number, measured: boolean): Promise<void> {
  const sentAt = performance.now();
  try {
    const { statusCode, body } = await pool.request({ path, method: 'GET' });
    await body.dump({ limit: 1 << 20 });
    const end = performance.now();
    if (statusCode < 200 || statusCode > 299) non2xx++;
    if (!measured) return;
    completed++;
    latency.push(end - sentAt);
    if (end - sentAt > STALL_MS) slow.push([sentAt - measuredStart, end - sentAt]);
    corrected.push(end - due);
    lag.push(sentAt - due);
  } catch {
    if (measured) errors++;
  }
}

/** Slow requests grouped into stalls (a gap of 100 ms or more starts a new one): when, how many, how slow. */
function stalls(): Array<{ atS: number; requests: number; maxMs: number }> {
  const groups: Array<{ atS: number; requests: number; maxMs: number; lastMs: number }> = [];
  for (const [at, ms] of slow.sort((a, b) => a[0] - b[0])) {
    const last = groups[groups.length - 1];
    if (last && at - last.lastMs < 100) {
      last.requests++;
      last.maxMs = Math.max(last.maxMs, Math.round(ms));
      last.lastMs = at;
    } else groups.push({ atS: Math.round(at / 100) / 10, requests: 1, maxMs: Math.round(ms), lastMs: at });
  }
  return groups.map(({ atS, requests, maxMs }) => ({ atS, requests, maxMs }));
}

const intervalMs = 1000 / rate;
const start = performance.now() + 5;
const total = Math.round(((warmupMs + durationMs) / 1000) * rate);
const warmupCount = Math.round((warmupMs / 1000) * rate);
const measuredStart = start + warmupCount * intervalMs;
let next = 0;
let lastSentAt = start;

await new Promise<void>((resolve) => {
  const tick = () => {
    const now = performance.now();
    while (next < total && start + next * intervalMs <= now) {
      const measured = next >= warmupCount;
      if (measured) sent++;
      const request = one(start + next * intervalMs, measured);
      inFlight.add(request);
      void request.finally(() => inFlight.delete(request));
      next++;
      lastSentAt = now;
    }
    if (next >= total) {
      resolve();
      return;
    }
    setTimeout(tick, Math.max(0, start + next * intervalMs - performance.now()));
  };
  setTimeout(tick, 5);
});
await Promise.race([Promise.all(inFlight), new Promise((resolve) => setTimeout(resolve, 10_000))]);
const sendWindow = (lastSentAt - measuredStart) / 1000;
await pool.destroy();

console.log(
  `FIXED_RATE_JSON ${JSON.stringify({
    url: target,
    rate,
    durationS: durationMs / 1000,
    sent,
    completed,
    errors,
    non2xx,
    achievedRps: Math.round(sent / sendWindow),
    latencyMs: percentiles(latency),
    correctedMs: percentiles(corrected),
    schedulerLagMs: percentiles(lag),
    stalls: stalls(),
  })}`,
);
