// Reads a V8 .cpuprofile (node --cpu-prof) and sums self time by function and by file/package, to say where a
// process spends its CPU from its first request on (start-up left out).
// `npx tsx bench/http-proxy/profile-summary.ts FILE.cpuprofile`
import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileSummary {
  totalMs: number;
  /** ms of CPU (not idle, not GC, not "program") */
  busyMs: number;
  gcMs: number;
  byFunction: Array<{ name: string; ms: number; percent: number }>;
  byArea: Array<{ name: string; ms: number; percent: number }>;
}

function shortUrl(url: string): string {
  if (!url) return '(native)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules !== -1) return url.slice(modules + 'node_modules/'.length);
  const lib = url.indexOf('/lib/gateway/');
  if (lib !== -1) return url.slice(lib + 1);
  return url.replace(/^file:\/\//, '');
}

function area(url: string): string {
  if (!url) return '(native / V8)';
  if (url.startsWith('node:')) {
    // node:internal/streams/pipeline → node core: internal/streams
    const parts = url.slice(5).split('/');
    return `node core: ${parts[0] === 'internal' && parts.length > 2 ? parts.slice(0, 2).join('/') : parts.join('/')}`;
  }
  const modules = url.lastIndexOf('node_modules/');
  if (modules !== -1) {
    const parts = url.slice(modules + 'node_modules/'.length).split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? url);
  }
  const lib = url.indexOf('/lib/');
  return lib !== -1 ? url.slice(lib + 1) : url;
}

/** Index of the first sample taken inside `fn` (so that start-up, module loading, is left out), or 0. */
function firstSampleIn(profile: CpuProfile, fn: string): number {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const inside = (id: number): boolean => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      if (byId.get(at)?.callFrame.functionName === fn) return true;
    }
    return false;
  };
  const index = (profile.samples ?? []).findIndex(inside);
  return index === -1 ? 0 : index;
}

/** Self time by function and by area, from the first sample inside `fromFunction` on. */
export function summarizeProfile(file: string, top = 25, fromFunction = 'handleGatewayRequest'): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = firstSampleIn(profile, fromFunction); i < samples.length; i++) {
    // A sample's time is the gap to the next one.
    const id = samples[i] as number;
    const us = deltas[i + 1] ?? 0;
    selfUs.set(id, (selfUs.get(id) ?? 0) + us);
  }
  const fnTotals = new Map<string, number>();
  const areaTotals = new Map<string, number>();
  let totalUs = 0;
  let idleUs = 0;
  let gcUs = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    totalUs += us;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)' || functionName === '(program)') {
      idleUs += us;
      continue;
    }
    if (functionName === '(garbage collector)') gcUs += us;
    const name = `${functionName || '(anonymous)'} ${shortUrl(url)}${url ? `:${lineNumber + 1}` : ''}`;
    fnTotals.set(name, (fnTotals.get(name) ?? 0) + us);
    const where = functionName === '(garbage collector)' ? '(garbage collector)' : area(url);
    areaTotals.set(where, (areaTotals.get(where) ?? 0) + us);
  }
  const busyUs = totalUs - idleUs;
  const rows = (totals: Map<string, number>) =>
    [...totals.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({
        name,
        ms: Math.round(us / 100) / 10,
        percent: Math.round((us / Math.max(1, busyUs)) * 1000) / 10,
      }));
  return {
    totalMs: Math.round(totalUs / 1000),
    busyMs: Math.round(busyUs / 1000),
    gcMs: Math.round(gcUs / 1000),
    byFunction: rows(fnTotals),
    byArea: rows(areaTotals),
  };
}

export function profileMarkdown(summary: ProfileSummary): string {
  const table = (rows: ProfileSummary['byFunction']) =>
    ['| self time | % of busy | where |', '| ---: | ---: | --- |']
      .concat(rows.map((row) => `| ${row.ms} ms | ${row.percent}% | \`${row.name}\` |`))
      .join('\n');
  return [
    `Profiled ${summary.totalMs} ms from the first request on, of which ${summary.busyMs} ms busy (GC ${summary.gcMs} ms).`,
    '',
    'By package / file (self time):',
    '',
    table(summary.byArea.slice(0, 15)),
    '',
    'By function (self time):',
    '',
    table(summary.byFunction),
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: profile-summary.ts FILE.cpuprofile');
  console.log(profileMarkdown(summarizeProfile(file)));
}
