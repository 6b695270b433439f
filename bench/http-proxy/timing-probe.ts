// Loaded into a gateway process by the benchmark (`node --import ./bench/http-proxy/timing-probe.ts`): splits each
// proxied request's time inside the gateway into its own work before the backend request, the wait for the
// backend's headers, and its own work after them — from Node's and undici's diagnostics channels, with no change to
// the gateway. On exit it writes the percentiles as JSON to PORTICO_TIMING_FILE.
import { AsyncLocalStorage } from 'node:async_hooks';
import diagnostics from 'node:diagnostics_channel';
import fs from 'node:fs';
import { type Percentiles, percentiles } from './percentiles';

interface Timing {
  start: number;
  created?: number;
  headers?: number;
}

const SAMPLES = { total: [] as number[], before: [] as number[], backend: [] as number[], after: [] as number[] };
const current = new AsyncLocalStorage<Timing>();
const byResponse = new WeakMap<object, Timing>();
const byBackendRequest = new WeakMap<object, Timing>();

diagnostics.subscribe('http.server.request.start', (message) => {
  const timing: Timing = { start: performance.now() };
  byResponse.set((message as { response: object }).response, timing);
  // The request handler runs in this execution context: the backend request it creates finds the timing here.
  current.enterWith(timing);
});
diagnostics.subscribe('undici:request:create', (message) => {
  const timing = current.getStore();
  if (!timing) return;
  timing.created = performance.now();
  byBackendRequest.set((message as { request: object }).request, timing);
});
diagnostics.subscribe('undici:request:headers', (message) => {
  const timing = byBackendRequest.get((message as { request: object }).request);
  if (timing) timing.headers = performance.now();
});
diagnostics.subscribe('http.server.response.finish', (message) => {
  const timing = byResponse.get((message as { response: object }).response);
  if (timing?.created === undefined || timing.headers === undefined) return;
  const end = performance.now();
  SAMPLES.total.push(end - timing.start);
  SAMPLES.before.push(timing.created - timing.start);
  SAMPLES.backend.push(timing.headers - timing.created);
  SAMPLES.after.push(end - timing.headers);
});

export type TimingPercentiles = Percentiles & { count: number };

/** The probe keeps only what came after SIGUSR2 (sent after the warm-up), so the file describes the measured run. */
process.on('SIGUSR2', () => {
  for (const list of Object.values(SAMPLES)) list.length = 0;
});

process.on('exit', () => {
  const file = process.env.PORTICO_TIMING_FILE;
  if (!file) return;
  const result = Object.fromEntries(
    Object.entries(SAMPLES).map(([key, list]) => [key, { count: list.length, ...percentiles(list) }]),
  );
  fs.writeFileSync(file, JSON.stringify(result));
});
