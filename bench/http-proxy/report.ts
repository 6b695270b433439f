// The HTTP_PROXY benchmark's results as Markdown: the verdict against the requirement first, then the machine,
// the method and every raw number.
import type { DbStatement } from './deploy-api';
import type { Percentiles } from './percentiles';
import { type ProfileSummary, profileMarkdown } from './profile-summary';
import type { TimingPercentiles } from './timing-probe';

export interface Machine {
  nproc: number;
  cpuModel: string;
  memoryGiB: number;
  kernel: string;
  node: string;
  wrk: string;
  nginx: string;
  fastify: string;
  fastifyHttpProxy: string;
  fastifyReplyFrom: string;
  undici: string;
  loadAverageAtStart: number[];
  /** the gateway code measured (git) */
  code: string;
}

export interface WrkResult {
  requests: number;
  rps: number;
  errors: { connect: number; read: number; write: number; status: number; timeout: number };
  latencyMs: Percentiles;
}

export type ContenderKey =
  | 'backend'
  | 'portico'
  | 'portico-single'
  | 'fastify'
  | 'nginx'
  | 'minimal-pipeline'
  | 'minimal-stream';

export interface WrkRound {
  round: number;
  key: ContenderKey;
  /** cores' worth of CPU used by other processes of the machine during the measured run */
  otherCores: number;
  /** runs made to get one not disturbed by other processes (the least disturbed is kept) */
  attempts: number;
  result: WrkResult;
}

export interface FixedRateResult {
  url: string;
  rate: number;
  durationS: number;
  sent: number;
  completed: number;
  errors: number;
  non2xx: number;
  achievedRps: number;
  latencyMs: Percentiles;
  correctedMs: Percentiles;
  schedulerLagMs: Percentiles;
  /** requests slower than 50 ms, grouped by when they were sent (seconds into the measured part) */
  stalls: Array<{ atS: number; requests: number; maxMs: number }>;
}

/** timing-probe.ts's split of each request's time inside one gateway process, with the generator's own view. */
export interface GatewayTiming {
  total: TimingPercentiles;
  before: TimingPercentiles;
  backend: TimingPercentiles;
  after: TimingPercentiles;
  client: FixedRateResult;
}

export interface RateRound {
  round: number;
  key: ContenderKey;
  otherCores: number;
  attempts: number;
  result: FixedRateResult;
}

export interface Report {
  date: string;
  machine: Machine;
  settings: {
    duration: number;
    warmup: number;
    connections: number;
    threads: number;
    rounds: number;
    rate: number;
    rateDuration: number;
    rateWarmup: number;
    rateRounds: number;
    gatewayWorkers: number;
    nginxWorkers: number;
    waitIdle: number;
    retries: number;
  };
  commands: Record<string, string>;
  nginxConf: string;
  databaseServer: string;
  wrkRounds: WrkRound[];
  rateRounds: RateRound[];
  dbDuringLoad?: { runStart: string; runEnd: string; statements: DbStatement[] };
  profile?: ProfileSummary;
  timing?: GatewayTiming;
  /** the gateway process's own output (its last lines), to show it logged no errors */
  gatewayLog: string;
  loadAverageAtEnd: number[];
}

const LABELS: Record<ContenderKey, string> = {
  backend: 'backend, direct (no proxy)',
  portico: 'Portico gateway (HTTP_PROXY)',
  'portico-single': 'Portico gateway, one process (reference, not the verdict)',
  fastify: '@fastify/http-proxy',
  nginx: 'nginx proxy_pass',
  'minimal-pipeline':
    'minimal undici proxy: request + AbortSignal.timeout + stream/promises pipeline (what the gateway did before f40efcb)',
  'minimal-stream': 'bare Node proxy: undici.stream() into the response, undici timeouts (reference)',
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** The round with the median throughput (its latencies go with it). */
function medianRound(rounds: WrkRound[], key: ContenderKey): WrkRound | undefined {
  const mine = rounds.filter((r) => r.key === key).sort((a, b) => a.result.rps - b.result.rps);
  return mine[Math.floor((mine.length - 1) / 2)];
}

const errorCount = (r: WrkResult) =>
  r.errors.connect + r.errors.read + r.errors.write + r.errors.status + r.errors.timeout;
const fixed = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

function verdictRow(requirement: string, target: string, measured: string, ok: boolean, miss: string): string {
  return `| ${requirement} | ${target} | ${measured} | ${ok ? '**PASS**' : `**MISS** — ${miss}`} |`;
}

/**
 * The configuration store's 30 s safety-net poll (lib/gateway/config/config-store.ts): stage versions, base path
 * mappings, access keys. Not the hot path — it runs on a timer, whatever the traffic — so the verdict sets it apart.
 */
const SAFETY_NET_POLL = [
  'SELECT s."restApiId", s."stageName", s."lastUpdatedDate"',
  'SELECT "domainName", "basePath"',
  'SELECT k."accessKeyId", k."secretEncrypted"',
];
const isSafetyNetPoll = (query: string) => SAFETY_NET_POLL.some((prefix) => query.trim().startsWith(prefix));

export function renderReport(report: Report): string {
  const { machine, settings } = report;
  const med = (key: ContenderKey) => medianRound(report.wrkRounds, key);
  const rps = (key: ContenderKey) => med(key)?.result.rps ?? Number.NaN;
  const portico = rps('portico');
  const vsFastify = portico / rps('fastify');
  const vsNginx = portico / rps('nginx');
  const p99Of = (key: ContenderKey) =>
    median(report.rateRounds.filter((r) => r.key === key).map((r) => r.result.latencyMs.p99));
  const directP99 = p99Of('backend');
  const gatewayP99 = p99Of('portico');
  const addedP99 = gatewayP99 - directP99;
  const floorP99 = p99Of('minimal-stream') - directP99;
  const floorNote = Number.isFinite(floorP99)
    ? `; a bare Node proxy adds ${floorP99 >= 0 ? '+' : ''}${fixed(floorP99, 3)} ms in the same rounds`
    : '';
  const invalid = report.wrkRounds.filter((r) => errorCount(r.result) > 0);
  const rateInvalid = report.rateRounds.filter((r) => r.result.errors > 0 || r.result.non2xx > 0);
  const during = report.dbDuringLoad;
  const startedDuring = during
    ? during.statements.filter(
        (s) => s.queryStart !== null && s.queryStart >= during.runStart && s.queryStart <= during.runEnd,
      )
    : [];
  const statementsDuring = startedDuring.filter((s) => !isSafetyNetPoll(s.query));
  const pollsDuring = startedDuring.length - statementsDuring.length;

  const lines: string[] = [];
  lines.push(`# HTTP_PROXY passthrough benchmark — ${report.date.slice(0, 10)}`, '');
  lines.push(
    'Produced by `npx tsx bench/http-proxy/run.ts` (see bench/README.md). Requirement (issue "The gateway", Speed): ' +
      'an HTTP_PROXY passthrough reaches at least 1.2× the throughput of `@fastify/http-proxy` and at least half of ' +
      "nginx's `proxy_pass` (wrk, side by side, same local backend), adds at most 1 ms at p99 at a steady " +
      `${settings.rate} requests/s, and does no database access on the hot path.`,
    '',
  );
  lines.push('## Verdict', '', '| requirement | target | measured | result |', '| --- | --- | --- | --- |');
  lines.push(
    verdictRow(
      'throughput vs @fastify/http-proxy',
      '≥ 1.20×',
      `${fixed(vsFastify)}× (${portico} vs ${rps('fastify')} req/s)`,
      vsFastify >= 1.2,
      `needs ${Math.ceil(rps('fastify') * 1.2)} req/s, ${fixed(1.2 / vsFastify)}× the measured`,
    ),
  );
  lines.push(
    verdictRow(
      'throughput vs nginx proxy_pass',
      '≥ 0.50×',
      `${fixed(vsNginx)}× (${portico} vs ${rps('nginx')} req/s)`,
      vsNginx >= 0.5,
      `needs ${Math.ceil(rps('nginx') * 0.5)} req/s, ${fixed(0.5 / vsNginx)}× the measured`,
    ),
  );
  lines.push(
    verdictRow(
      `p99 added at ${settings.rate} req/s`,
      '≤ 1 ms',
      `${addedP99 >= 0 ? '+' : ''}${fixed(addedP99, 3)} ms (p99 ${fixed(gatewayP99, 3)} via gateway vs ${fixed(directP99, 3)} direct, medians of ${settings.rateRounds} rounds${floorNote})`,
      addedP99 <= 1,
      `${fixed(addedP99 - 1, 3)} ms over`,
    ),
  );
  if (during) {
    lines.push(
      verdictRow(
        'no database access on the hot path',
        '0 statements during load',
        `${statementsDuring.length} statement(s) started during a ${settings.duration}s wrk run of ${med('portico')?.result.requests ?? '?'} requests` +
          (pollsDuring > 0 ? ` (besides ${pollsDuring} of the 30 s safety-net poll)` : ''),
        statementsDuring.length === 0,
        'see "Database during load"',
      ),
    );
  }
  lines.push('');
  if (invalid.length > 0 || rateInvalid.length > 0) {
    lines.push(
      `**Warning:** ${invalid.length} wrk run(s) and ${rateInvalid.length} fixed-rate run(s) had errors or non-2xx ` +
        'answers (see the raw tables); their numbers are not comparable.',
      '',
    );
  }

  const busy = [...report.wrkRounds, ...report.rateRounds].filter((r) => r.otherCores >= 0.2);
  if (busy.length > 0) {
    const worst = Math.max(...busy.map((r) => r.otherCores));
    lines.push(
      `**Warning:** other processes used CPU during ${busy.length} of ` +
        `${report.wrkRounds.length + report.rateRounds.length} measured runs (up to ${worst} cores of ` +
        `${report.machine.nproc}): those numbers are lower, and their tails longer, than on a quiet machine.`,
      '',
    );
  }

  lines.push('## Machine', '');
  lines.push(
    `- ${machine.nproc} cores (nproc), ${machine.cpuModel}, ${machine.memoryGiB} GiB, ${machine.kernel}`,
    `- Node ${machine.node}; ${machine.wrk}; ${machine.nginx}; fastify ${machine.fastify}, @fastify/http-proxy ` +
      `${machine.fastifyHttpProxy} (@fastify/reply-from ${machine.fastifyReplyFrom}), undici ${machine.undici}`,
    `- load average (1/5/15 min) at start ${machine.loadAverageAtStart.join(' / ')}, at end ` +
      `${report.loadAverageAtEnd.join(' / ')}; every process below shares these ${machine.nproc} cores`,
    `- gateway code: ${machine.code}`,
    `- gateway database: ${report.databaseServer} (a fresh migrated database, dropped afterwards)`,
    '',
  );

  lines.push('## Method', '');
  lines.push(
    `- One backend process (minimal Node \`http\` server, fixed small JSON body, keep-alive) serves every contender; ` +
      'each proxy runs in its own process and forwards `GET <prefix>/items/42` to the backend as `/items/42`.',
    '- Portico: an API made with the services (`/{proxy+}` ANY, HTTP_PROXY, `integration.request.path.proxy`), ' +
      'deployed to stage `bench`, served by `lib/gateway/main.ts` from memory; URL `/<apiId>/bench/items/42`; ' +
      `${settings.gatewayWorkers} gateway process(es) (\`PORTICO_GATEWAY_WORKERS=${settings.gatewayWorkers}\`).`,
    '- @fastify/http-proxy: default options (undici upstream pool), prefix `/api`; nginx: `proxy_pass` with an ' +
      `upstream \`keepalive 256\` pool, ${settings.nginxWorkers} worker process(es), no access log, prefix \`/api/\`.`,
    settings.nginxWorkers === settings.gatewayWorkers
      ? `- nginx runs ${settings.nginxWorkers} worker(s), as many as the gateway has processes: the like-for-like ` +
          'comparison on a 2-core machine where the backend and wrk need CPU too. @fastify/http-proxy is one process.'
      : `- nginx runs ${settings.nginxWorkers} worker(s), the gateway ${settings.gatewayWorkers} process(es); ` +
          '@fastify/http-proxy is one process.',
    `- Throughput: wrk, ${settings.threads} thread(s), ${settings.connections} connections, ${settings.warmup}s ` +
      `warm-up (discarded, right before the measured run) then ${settings.duration}s measured, per contender; ` +
      `${settings.rounds} rounds, the contenders interleaved in an order rotated each round; the round with the ` +
      'median req/s is reported (all rounds are listed).',
    `- Added latency: bench/http-proxy/fixed-rate.ts, an open-loop generator in its own process (undici pool, 64 ` +
      `connections): request i is sent at start + i/${settings.rate} s whatever the earlier ones did, timed from ` +
      `its send to the end of its body; a ${settings.warmup}s wrk burst (back to full speed after idle time), then ` +
      `${settings.rateWarmup}s at the rate (discarded) and ${settings.rateDuration}s measured ` +
      `(${settings.rate * settings.rateDuration} requests), direct, via the gateway and via the references below, in an order rotated each round, ` +
      `${settings.rateRounds} rounds; added p99 = median gateway p99 − median direct p99.`,
    '- Limits: all processes share 2 cores, so the load generator and the backend compete with the proxy (the same ' +
      'for every contender); the fixed-rate timer ticks about once a millisecond, so requests leave in small ' +
      'bursts (the lag behind schedule is listed: it is the generator, not the target); p99 over ' +
      `${settings.rate * settings.rateDuration} samples rests on the slowest ~${(settings.rate * settings.rateDuration) / 100} requests, so GC pauses and ` +
      'scheduling noise of a shared machine show up in it.',
    ...(report.wrkRounds.some((r) => r.key === 'portico-single')
      ? [
          '- Reference, not part of the verdict: the same gateway as one process (`PORTICO_GATEWAY_WORKERS=1`), ' +
            'beside the same database and deployment, to show what the extra processes add.',
        ]
      : []),
    ...(report.wrkRounds.some((r) => r.key.startsWith('minimal-'))
      ? [
          '- `--minimal` reference points (bench/http-proxy/minimal-proxy.ts, not part of the requirement): two ' +
            'Node proxies with the same undici pool settings as the gateway and none of its routing or mapping — one ' +
            "doing what the gateway's HTTP_PROXY path did per request before f40efcb, one using `undici.stream()` " +
            'into the response.',
        ]
      : []),
    ...(report.rateRounds.some((r) => r.key === 'minimal-stream')
      ? [
          '- Reference in the latency table, not part of the verdict: a bare Node proxy (bench/http-proxy/' +
            "minimal-proxy.ts `stream`: `node:http` and `undici.stream()` with the gateway's pool settings, no " +
            'routing, mapping or ids) — what any Node data plane costs on this machine before doing any work of its own.',
        ]
      : []),
    `- Other work on the machine: before each measured run the runner waits up to ${settings.waitIdle}s for the ` +
      'rest of the machine to use < 0.2 cores; it measures the CPU other processes used during each run (/proc/stat ' +
      `minus the benchmark's own processes) and repeats a run disturbed by ≥ 0.3 cores up to ${settings.retries} ` +
      'times, keeping the least disturbed attempt ("other CPU" and "attempts" columns).',
    '',
  );

  lines.push('## Commands', '', '```sh');
  for (const [name, command] of Object.entries(report.commands)) lines.push(`# ${name}`, command);
  lines.push(
    '```',
    '',
    '<details><summary>nginx.conf</summary>',
    '',
    '```nginx',
    report.nginxConf.trim(),
    '```',
    '',
    '</details>',
    '',
  );

  lines.push('## Throughput (wrk)', '');
  lines.push(
    '| contender | req/s (median round) | vs Portico | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | errors |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const key of new Set(report.wrkRounds.map((r) => r.key))) {
    const round = med(key);
    if (!round) continue;
    const r = round.result;
    lines.push(
      `| ${LABELS[key]} | ${r.rps} | ${fixed(r.rps / portico)}× | ${r.latencyMs.p50} | ${r.latencyMs.p90} | ` +
        `${r.latencyMs.p99} | ${r.latencyMs.p999} | ${r.latencyMs.max} | ${errorCount(r)} |`,
    );
  }
  lines.push(
    '',
    'All rounds ("other CPU": cores used by processes outside the benchmark during the run):',
    '',
    '| round | contender | req/s | requests | p50 ms | p99 ms | errors | other CPU | attempts |',
  );
  lines.push('| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const { round, key, otherCores, attempts, result: r } of report.wrkRounds) {
    lines.push(
      `| ${round} | ${LABELS[key]} | ${r.rps} | ${r.requests} | ${r.latencyMs.p50} | ${r.latencyMs.p99} | ` +
        `${errorCount(r) === 0 ? 0 : JSON.stringify(r.errors)} | ${otherCores} | ${attempts} |`,
    );
  }
  lines.push('');

  lines.push(`## Latency at a steady ${settings.rate} req/s`, '');
  lines.push(
    '| round | target | sent | achieved req/s | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | CO-corrected p99 ms | scheduler lag p99 ms | errors / non-2xx | other CPU | attempts | stalls: requests > 50 ms (at s: count, max ms) |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  );
  for (const { round, key, otherCores, attempts, result: r } of report.rateRounds) {
    lines.push(
      `| ${round} | ${LABELS[key]} | ${r.sent} | ${r.achievedRps} | ${r.latencyMs.p50} | ${r.latencyMs.p90} | ` +
        `${r.latencyMs.p99} | ${r.latencyMs.p999} | ${r.latencyMs.max} | ${r.correctedMs.p99} | ` +
        `${r.schedulerLagMs.p99} | ${r.errors} / ${r.non2xx} | ${otherCores} | ${attempts} | ` +
        `${r.stalls.map((x) => `${x.atS}s: ${x.requests}, ${x.maxMs}`).join('; ') || 'none'} |`,
    );
  }
  const p50Of = (key: ContenderKey) =>
    median(report.rateRounds.filter((r) => r.key === key).map((r) => r.result.latencyMs.p50));
  lines.push(
    '',
    `Medians over the rounds: p50 ${fixed(p50Of('backend'), 3)} ms direct, ${fixed(p50Of('portico'), 3)} ms via the ` +
      `gateway (+${fixed(p50Of('portico') - p50Of('backend'), 3)} ms); p99 ${fixed(directP99, 3)} ms direct, ` +
      `${fixed(gatewayP99, 3)} ms via the gateway (${addedP99 >= 0 ? '+' : ''}${fixed(addedP99, 3)} ms).`,
    '',
  );
  const references = (['portico-single', 'nginx', 'minimal-stream'] as const).filter((key) =>
    report.rateRounds.some((r) => r.key === key),
  );
  if (references.length > 0) {
    const p99Median = (key: ContenderKey) =>
      median(report.rateRounds.filter((r) => r.key === key).map((r) => r.result.latencyMs.p99));
    lines.push(
      `References at the same rate, same rounds (not the verdict): ${references
        .map((key) => {
          const added = p99Median(key) - directP99;
          return `${LABELS[key]} p99 ${fixed(p99Median(key), 3)} ms (${added >= 0 ? '+' : ''}${fixed(added, 3)} ms)`;
        })
        .join('; ')}.`,
      '',
    );
  }

  if (report.timing) {
    const t = report.timing;
    const row = (label: string, p: TimingPercentiles) =>
      `| ${label} | ${p.count} | ${p.p50} | ${p.p90} | ${p.p99} | ${p.p999} |`;
    lines.push(
      `## Inside the gateway at ${settings.rate} req/s`,
      '',
      "One gateway process loaded with `bench/http-proxy/timing-probe.ts` (Node's `http.server.*` and undici's " +
        '`undici:request:*` diagnostics channels; no change to the gateway), under the same fixed-rate generator, ' +
        'samples from after its warm-up. "Before": from the request reaching the gateway to the backend request ' +
        'being created (reading, routing, mapping); "backend": until the backend\'s headers arrive; "after": until ' +
        'the response is handed to the socket. Percentiles of each part separately (they do not add up).',
      '',
      '| part | requests | p50 ms | p90 ms | p99 ms | p99.9 ms |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
      row('inside the gateway, total', t.total),
      row('gateway work before the backend call', t.before),
      row('waiting for the backend', t.backend),
      row('gateway work after the backend answered', t.after),
      `| at the client (the generator), same run | ${t.client.sent} | ${t.client.latencyMs.p50} | ` +
        `${t.client.latencyMs.p90} | ${t.client.latencyMs.p99} | ${t.client.latencyMs.p999} |`,
      '',
    );
  }
  if (during) {
    lines.push('## Database during load', '');
    lines.push(
      `Sessions of the gateway's database (pg_stat_activity) right after its first wrk run ` +
        `(${during.runStart} – ${during.runEnd}); a statement that started inside that window would be a query ` +
        'made while serving (or the 30 s safety-net poll).',
      '',
      '| state | last statement started | statement |',
      '| --- | --- | --- |',
    );
    for (const s of during.statements) {
      const poll = isSafetyNetPoll(s.query) ? ' (safety-net poll)' : '';
      lines.push(`| ${s.state} | ${s.queryStart ?? ''} | \`${s.query.replaceAll('|', '\\|')}\`${poll} |`);
    }
    lines.push('');
  }

  const gatewayLines = report.gatewayLog.trim().split('\n');
  lines.push(
    '## Gateway output',
    '',
    `The gateway process wrote ${gatewayLines.length} line(s) (last 10 shown): an error per request would show here.`,
    '',
    '```',
    ...gatewayLines.slice(-10),
    '```',
    '',
  );

  if (report.profile) {
    lines.push(
      '## Gateway CPU profile under wrk load',
      '',
      `\`node --cpu-prof\` on a separate gateway process during a ${settings.warmup}s + ${settings.duration}s wrk ` +
        'run, from its first request on (start-up left out); self time: the function that was running.',
      '',
      profileMarkdown(report.profile),
      '',
    );
  }
  return `${lines.join('\n')}\n`;
}
