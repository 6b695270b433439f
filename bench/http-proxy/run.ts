// HTTP_PROXY passthrough, side by side against the same local backend: Portico's gateway, @fastify/http-proxy and
// nginx proxy_pass (plus the backend called directly, for scale), each with the same wrk settings; then the latency
// the gateway adds at a steady rate (fixed-rate generator, gateway vs direct). Writes bench/results/http-proxy-<date>.md.
//   npx tsx bench/http-proxy/run.ts [--duration 10] [--connections 50] [--threads 1] [--rounds 3] [--rate 1000]
//        [--rate-duration 10] [--rate-rounds 3] [--gateway-workers 1] [--nginx-workers 1] [--wait-idle 60] [--retries 2] [--profile]
//        [--out FILE]
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { otherCores, sampleCpu, waitForQuiet } from './cpu';
import { BENCH_THROTTLE, benchDatabase, type DbStatement, databaseActivity, deployProxyApi, STAGE } from './deploy-api';
import { nginxConfig } from './nginx';
import {
  type Child,
  cleanup,
  freePort,
  groups,
  installSignalHandlers,
  onCleanup,
  runToEnd,
  start,
  waitFor,
} from './processes';
import { type ProfileSummary, summarizeProfile } from './profile-summary';
import {
  type ContenderKey,
  type FixedRateResult,
  type GatewayTiming,
  type Machine,
  type RateRound,
  type Report,
  renderReport,
  type WrkResult,
  type WrkRound,
} from './report';
import { BACKEND_BODY, BACKEND_PATH } from './shared';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Children run in ROOT, so paths relative to it work (and read well in the recorded commands). */
const HERE = 'bench/http-proxy';
const TSX_CLI = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '50' },
    threads: { type: 'string', default: '1' },
    rounds: { type: 'string', default: '3' },
    rate: { type: 'string', default: '1000' },
    'rate-duration': { type: 'string', default: '10' },
    'rate-warmup': { type: 'string', default: '3' },
    'rate-rounds': { type: 'string', default: '3' },
    'gateway-workers': { type: 'string', default: '1' },
    'nginx-workers': { type: 'string', default: '1' },
    'wait-idle': { type: 'string', default: '60' },
    retries: { type: 'string', default: '2' },
    profile: { type: 'boolean', default: false },
    minimal: { type: 'boolean', default: false },
    out: { type: 'string' },
  },
});

function intArg(name: keyof typeof args): number {
  const value = Number(args[name]);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive integer`);
  return value;
}

const settings = {
  duration: intArg('duration'),
  warmup: intArg('warmup'),
  connections: intArg('connections'),
  threads: intArg('threads'),
  rounds: intArg('rounds'),
  rate: intArg('rate'),
  rateDuration: intArg('rate-duration'),
  rateWarmup: intArg('rate-warmup'),
  rateRounds: intArg('rate-rounds'),
  gatewayWorkers: intArg('gateway-workers'),
  nginxWorkers: intArg('nginx-workers'),
  waitIdle: Number(args['wait-idle']),
  retries: Number(args.retries),
};

function log(message: string): void {
  console.log(`[bench] ${message}`);
}

function which(command: string): string | undefined {
  const dirs = (process.env.PATH ?? '').split(':').concat(['/usr/sbin', '/sbin', '/usr/local/sbin']);
  for (const dir of dirs) {
    const candidate = path.join(dir, command);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** wrk and nginx from Debian; installed here only when running as root. */
async function ensureTools(): Promise<{ wrk: string; nginx: string }> {
  const missing = [
    ['wrk', 'wrk'],
    ['nginx', 'nginx-light'],
  ].filter(([command]) => !which(command as string));
  if (missing.length > 0) {
    const packages = missing.map(([, pkg]) => pkg as string);
    if (process.getuid?.() !== 0) {
      throw new Error(
        `missing ${packages.join(', ')}: run as root, or install them with apt-get install -y ${packages}`,
      );
    }
    log(`running as root: installing ${packages.join(' ')} with apt-get (Debian packages)`);
    await runToEnd('apt-get update', 'apt-get', ['update', '-qq'], { timeoutMs: 300_000 });
    await runToEnd('apt-get install', 'apt-get', ['install', '-y', '-qq', ...packages], {
      timeoutMs: 600_000,
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  }
  const wrk = which('wrk');
  const nginx = which('nginx');
  if (!wrk || !nginx) throw new Error('wrk or nginx is still missing after apt-get install');
  return { wrk, nginx };
}

async function machineInfo(tools: { wrk: string; nginx: string }): Promise<Machine> {
  const cpuinfo = fs.readFileSync('/proc/cpuinfo', 'utf8');
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  const require = createRequire(import.meta.url);
  const version = (pkg: string) => (require(`${pkg}/package.json`) as { version: string }).version;
  const wrkOut = await runToEnd('wrk -v', tools.wrk, ['-v']).catch((error: Error) => error.message);
  const nginxOut = await runToEnd('nginx -v', tools.nginx, ['-v']).catch((error: Error) => error.message);
  return {
    nproc: os.availableParallelism(),
    cpuModel: model,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    kernel: `${os.type()} ${os.release()}`,
    node: process.version,
    // `wrk -v` prints "wrk debian/4.1.0-3+b2 [epoll] Copyright..." and exits with 1
    wrk: `wrk ${/^wrk ([^\s-]\S*) \[/m.exec(wrkOut)?.[1] ?? '(unknown version)'}`,
    nginx: /nginx\/[\d.]+/.exec(nginxOut)?.[0] ?? 'nginx',
    fastify: version('fastify'),
    fastifyHttpProxy: version('@fastify/http-proxy'),
    fastifyReplyFrom: version('@fastify/reply-from'),
    undici: version('undici'),
    loadAverageAtStart: os.loadavg().map((n) => Math.round(n * 100) / 100),
    code: await gitState(),
  };
}

/** Which gateway code was measured: the commit, and whether lib/ had uncommitted changes. */
async function gitState(): Promise<string> {
  try {
    const commit = (await runToEnd('git rev-parse', 'git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT })).trim();
    const changed = (await runToEnd('git status', 'git', ['status', '--porcelain', '--', 'lib'], { cwd: ROOT }))
      .split('\n')
      .filter((line) => line.trim() !== '').length;
    return changed === 0 ? `commit ${commit}` : `commit ${commit} with ${changed} uncommitted file(s) under lib/`;
  } catch {
    return 'unknown (not a git work tree)';
  }
}

async function fetchBody(url: string): Promise<{ status: number; body: string }> {
  const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
  return { status: res.status, body: await res.text() };
}

/** Waits until `url` answers 200 with the backend's body. */
async function ready(name: string, url: string, child: Child): Promise<void> {
  await waitFor(
    `${name} to proxy ${url}`,
    async () => {
      const { status, body } = await fetchBody(url);
      return status === 200 && body === BACKEND_BODY;
    },
    60_000,
    child,
  );
}

interface Contender {
  key: ContenderKey;
  label: string;
  url: string;
}

function parseTagged<T>(output: string, tag: string): T {
  const line = output.split('\n').find((l) => l.startsWith(`${tag} `));
  if (!line) throw new Error(`no ${tag} line in:\n${output.slice(-2000)}`);
  return JSON.parse(line.slice(tag.length + 1)) as T;
}

async function wrk(tool: string, url: string, seconds: number): Promise<WrkResult> {
  const wrkArgs = [
    `-t${settings.threads}`,
    `-c${settings.connections}`,
    `-d${seconds}s`,
    '--timeout',
    '5s',
    '-s',
    path.join(HERE, 'wrk-report.lua'),
    url,
  ];
  const output = await runToEnd('wrk', tool, wrkArgs, { cwd: ROOT, timeoutMs: (seconds + 30) * 1000 });
  const raw = parseTagged<{
    requests: number;
    durationUs: number;
    errors: WrkResult['errors'];
    latencyUs: Record<'mean' | 'stdev' | 'p50' | 'p90' | 'p99' | 'p999' | 'max', number>;
  }>(output, 'WRK_JSON');
  const ms = (us: number) => Math.round(us) / 1000;
  return {
    requests: raw.requests,
    rps: Math.round(raw.requests / (raw.durationUs / 1e6)),
    errors: raw.errors,
    latencyMs: {
      mean: ms(raw.latencyUs.mean),
      p50: ms(raw.latencyUs.p50),
      p90: ms(raw.latencyUs.p90),
      p99: ms(raw.latencyUs.p99),
      p999: ms(raw.latencyUs.p999),
      max: ms(raw.latencyUs.max),
    },
  };
}

/** `node` arguments that run one of this directory's TypeScript tools through tsx. */
const tsxTool = (file: string, ...args: string[]) => ['--import', 'tsx', path.join(HERE, file), ...args];

async function fixedRate(url: string): Promise<FixedRateResult> {
  const output = await runToEnd(
    'fixed-rate',
    process.execPath,
    tsxTool(
      'fixed-rate.ts',
      url,
      '--rate',
      String(settings.rate),
      '--duration',
      String(settings.rateDuration),
      '--warmup',
      String(settings.rateWarmup),
    ),
    { cwd: ROOT, timeoutMs: (settings.rateDuration + settings.rateWarmup + 60) * 1000 },
  );
  return parseTagged<FixedRateResult>(output, 'FIXED_RATE_JSON');
}

function startGatewayProcess(env: NodeJS.ProcessEnv, name = 'gateway'): Child {
  return start(name, process.execPath, [TSX_CLI, 'lib/gateway/main.ts'], { cwd: ROOT, env });
}

/** The gateway's command line as the report shows it (the database URL left out). */
function gatewayCommand(env: NodeJS.ProcessEnv): string {
  const settingsShown = [
    'PORTICO_GATEWAY_PORT',
    'PORTICO_GATEWAY_ADMIN_PORT',
    'PORTICO_GATEWAY_WORKERS',
    'PORTICO_ACCOUNT_THROTTLE_RATE',
    'PORTICO_ACCOUNT_THROTTLE_BURST',
  ]
    .map((name) => `${name}=${env[name]}`)
    .join(' ');
  return `DATABASE_URL=… ${settingsShown} node node_modules/tsx/dist/cli.mjs lib/gateway/main.ts`;
}

/** Other processes' CPU (in cores) above which a measured run is repeated (see --retries). */
const NOISY = 0.3;

/**
 * Measures `run`, and the CPU everything else on the machine used meanwhile: first waits (up to --wait-idle
 * seconds) for the rest of the machine to go quiet, and repeats a run disturbed by other processes (up to --retries
 * times), keeping the least disturbed attempt.
 */
async function measured<T>(
  run: () => Promise<T>,
  warm: () => Promise<unknown>,
): Promise<{ result: T; otherCores: number; attempts: number }> {
  let best: { result: T; otherCores: number } | undefined;
  let attempts = 0;
  while (attempts <= settings.retries) {
    attempts++;
    if (settings.waitIdle > 0) {
      const quiet = await waitForQuiet(groups, settings.waitIdle * 1000);
      if (quiet.others >= 0.2) log(`  the machine is busy (${quiet.others} cores used by others): measuring anyway`);
      else if (quiet.waitedMs > 1500)
        log(`  waited ${Math.round(quiet.waitedMs / 1000)}s for other processes to go quiet`);
    }
    // Warm right before measuring: V8 cools a process down while it is idle (other contenders' turns, waiting).
    await warm();
    const before = sampleCpu(groups());
    const result = await run();
    const others = otherCores(before, sampleCpu(groups()));
    if (!best || others < best.otherCores) best = { result, otherCores: others };
    if (others < NOISY) break;
    if (attempts <= settings.retries) log(`  other processes used ${others} cores meanwhile: measuring again`);
  }
  if (!best) throw new Error('no measurement');
  return { ...best, attempts };
}

async function main(): Promise<void> {
  installSignalHandlers();
  const tools = await ensureTools();
  const machine = await machineInfo(tools);
  log(`${machine.nproc} cores, ${machine.cpuModel}, node ${machine.node}, load ${machine.loadAverageAtStart}`);
  if ((machine.loadAverageAtStart[0] ?? 0) > 0.5) {
    log('warning: the machine is not idle (load average above 0.5); results will be noisier');
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portico-bench-'));
  fs.chmodSync(dir, 0o755);
  onCleanup(async () => fs.rmSync(dir, { recursive: true, force: true }));
  const [backendPort, gatewayPort, adminPort, fastifyPort, nginxPort] = await Promise.all(
    Array.from({ length: 5 }, () => freePort()),
  );
  const nodeEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };
  const commands: Record<string, string> = {};

  // The backend.
  const backendArgs = tsxTool('backend.ts', String(backendPort));
  commands.backend = `node ${backendArgs.join(' ')}`;
  const backend = start('backend', process.execPath, backendArgs, { cwd: ROOT, env: nodeEnv });
  const backendUrl = `http://127.0.0.1:${backendPort}${BACKEND_PATH}`;
  await ready('backend', backendUrl, backend);

  // Portico: a fresh database, the API deployed by the services, the gateway process serving it from memory.
  log('creating the benchmark database and deploying the API...');
  const database = await benchDatabase();
  onCleanup(() => database.release());
  const apiId = await deployProxyApi(database.url, backendPort as number);
  const gatewayEnv: NodeJS.ProcessEnv = {
    ...nodeEnv,
    DATABASE_URL: database.url,
    PORTICO_GATEWAY_PORT: String(gatewayPort),
    PORTICO_GATEWAY_ADMIN_PORT: String(adminPort),
    PORTICO_GATEWAY_WORKERS: String(settings.gatewayWorkers),
    PORTICO_ACCOUNT_THROTTLE_RATE: String(BENCH_THROTTLE),
    PORTICO_ACCOUNT_THROTTLE_BURST: String(BENCH_THROTTLE),
  };
  commands.gateway = gatewayCommand(gatewayEnv);
  let gateway = startGatewayProcess(gatewayEnv);
  const gatewayUrl = `http://127.0.0.1:${gatewayPort}/${apiId}/${STAGE}${BACKEND_PATH}`;
  await ready('gateway', gatewayUrl, gateway);

  // @fastify/http-proxy.
  const fastifyArgs = tsxTool('fastify-proxy.ts', String(fastifyPort), String(backendPort));
  commands.fastify = `node ${fastifyArgs.join(' ')}`;
  const fastify = start('fastify', process.execPath, fastifyArgs, { cwd: ROOT, env: nodeEnv });
  const fastifyUrl = `http://127.0.0.1:${fastifyPort}/api${BACKEND_PATH}`;
  await ready('fastify', fastifyUrl, fastify);

  // nginx.
  const nginxConf = nginxConfig({
    dir,
    port: nginxPort as number,
    backendPort: backendPort as number,
    workers: settings.nginxWorkers,
  });
  fs.writeFileSync(path.join(dir, 'nginx.conf'), nginxConf);
  const nginxArgs = ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log')];
  commands.nginx = `${tools.nginx} ${nginxArgs.join(' ')}`;
  const nginx = start('nginx', tools.nginx, nginxArgs);
  const nginxUrl = `http://127.0.0.1:${nginxPort}/api${BACKEND_PATH}`;
  await ready('nginx', nginxUrl, nginx);

  const contenders: Contender[] = [
    { key: 'backend', label: 'backend, direct (no proxy)', url: backendUrl },
    {
      key: 'portico',
      label: `Portico gateway (HTTP_PROXY, ${settings.gatewayWorkers} process${settings.gatewayWorkers > 1 ? 'es' : ''})`,
      url: gatewayUrl,
    },
    { key: 'fastify', label: '@fastify/http-proxy', url: fastifyUrl },
    { key: 'nginx', label: `nginx proxy_pass (${settings.nginxWorkers} worker)`, url: nginxUrl },
  ];

  // Several gateway processes: the same gateway as one process too, as a reference.
  if (settings.gatewayWorkers > 1) {
    const [port, admin] = [await freePort(), await freePort()];
    const singleEnv = {
      ...gatewayEnv,
      PORTICO_GATEWAY_PORT: String(port),
      PORTICO_GATEWAY_ADMIN_PORT: String(admin),
      PORTICO_GATEWAY_WORKERS: '1',
    };
    commands['portico-single'] = gatewayCommand(singleEnv);
    const single = startGatewayProcess(singleEnv, 'gateway (one process)');
    const url = `http://127.0.0.1:${port}/${apiId}/${STAGE}${BACKEND_PATH}`;
    await ready('gateway (one process)', url, single);
    contenders.push({ key: 'portico-single', label: 'Portico gateway (HTTP_PROXY, 1 process)', url });
  }

  // The smallest undici proxies, as reference points for the gateway's own cost: `stream` always (the floor of a
  // Node proxy in the latency table), both in the throughput table with --minimal.
  const minimalModes = args.minimal ? (['pipeline', 'stream'] as const) : (['stream'] as const);
  for (const mode of minimalModes) {
    const port = await freePort();
    const minimalArgs = tsxTool('minimal-proxy.ts', String(port), String(backendPort), mode);
    commands[`minimal-${mode}`] = `node ${minimalArgs.join(' ')}`;
    const child = start(`minimal-${mode}`, process.execPath, minimalArgs, { cwd: ROOT, env: nodeEnv });
    const url = `http://127.0.0.1:${port}${BACKEND_PATH}`;
    await ready(`minimal ${mode} proxy`, url, child);
    contenders.push({ key: `minimal-${mode}`, label: `minimal undici proxy (${mode})`, url });
  }
  commands.wrk = `wrk -t${settings.threads} -c${settings.connections} -d${settings.duration}s --timeout 5s -s bench/http-proxy/wrk-report.lua URL`;
  commands.fixedRate = `node --import tsx bench/http-proxy/fixed-rate.ts URL --rate ${settings.rate} --duration ${settings.rateDuration} --warmup ${settings.rateWarmup}`;

  // Throughput: rounds interleave the contenders, in an order rotated each round, so that neither a slow spell of
  // the machine nor the run before (what it leaves behind in the backend and the kernel) favours one of them.
  const wrkRounds: WrkRound[] = [];
  let dbDuringLoad: { runStart: string; runEnd: string; statements: DbStatement[] } | undefined;
  const wrkTargets = contenders.filter((c) => args.minimal || !c.key.startsWith('minimal-'));
  for (let round = 1; round <= settings.rounds; round++) {
    const order = wrkTargets.map((_, i) => wrkTargets[(i + round - 1) % wrkTargets.length] as Contender);
    for (const contender of order) {
      log(
        `round ${round}/${settings.rounds}: ${contender.label} — warm-up ${settings.warmup}s, then ${settings.duration}s`,
      );
      let runStart = new Date();
      const {
        result,
        otherCores: others,
        attempts,
      } = await measured(
        () => {
          runStart = new Date();
          return wrk(tools.wrk, contender.url, settings.duration);
        },
        () => wrk(tools.wrk, contender.url, settings.warmup),
      );
      const runEnd = new Date();
      wrkRounds.push({ round, key: contender.key, otherCores: others, attempts, result });
      log(
        `  ${result.rps} req/s, p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms, ` +
          `errors ${JSON.stringify(result.errors)}, other processes ${others} cores`,
      );
      if (contender.key === 'portico' && !dbDuringLoad) {
        dbDuringLoad = {
          runStart: runStart.toISOString(),
          runEnd: runEnd.toISOString(),
          statements: await databaseActivity(database.url),
        };
      }
    }
  }

  // Latency added at a steady rate: the gateway against the backend called directly, in an order rotated each round;
  // nginx, the one-process gateway (when there is one) and a bare Node proxy as references for what a hop costs here.
  const rateRounds: RateRound[] = [];
  const rateTargets = contenders.filter((c) =>
    ['backend', 'portico', 'portico-single', 'nginx', 'minimal-stream'].includes(c.key),
  );
  for (let round = 1; round <= settings.rateRounds; round++) {
    const order = rateTargets.map((_, i) => rateTargets[(i + round - 1) % rateTargets.length]);
    for (const contender of order) {
      if (!contender) continue;
      log(`fixed rate ${settings.rate}/s, round ${round}/${settings.rateRounds}: ${contender.label}`);
      // A wrk burst first brings the process back to full speed after its idle time (its JIT-compiled code).
      const {
        result,
        otherCores: others,
        attempts,
      } = await measured(
        () => fixedRate(contender.url),
        () => wrk(tools.wrk, contender.url, settings.warmup),
      );
      rateRounds.push({ round, key: contender.key, otherCores: others, attempts, result });
      log(
        `  p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms, p99.9 ${result.latencyMs.p999} ms ` +
          `(sent ${result.sent}, errors ${result.errors}, non-2xx ${result.non2xx}, other processes ${others} cores)`,
      );
    }
  }

  // The gateway's own time at the fixed rate, split around the backend call: one process with the timing probe
  // (timing-probe.ts, diagnostics channels). Its samples start after the generator's warm-up (SIGUSR2).
  const gatewayOutput = gateway.output();
  await gateway.stop();
  log(`timing the gateway's own work at ${settings.rate} req/s (one process, diagnostics channels)...`);
  const timingFile = path.join(dir, 'timing.json');
  const probeArgs = ['--import', 'tsx', '--import', `./${HERE}/timing-probe.ts`, 'lib/gateway/main.ts'];
  commands.timing = `PORTICO_GATEWAY_WORKERS=1 PORTICO_TIMING_FILE=… node ${probeArgs.join(' ')}`;
  gateway = start('timed gateway', process.execPath, probeArgs, {
    cwd: ROOT,
    env: { ...gatewayEnv, PORTICO_GATEWAY_WORKERS: '1', PORTICO_TIMING_FILE: timingFile },
  });
  await ready('timed gateway', gatewayUrl, gateway);
  await wrk(tools.wrk, gatewayUrl, settings.warmup);
  const timed = gateway;
  const reset = setTimeout(() => timed.process.kill('SIGUSR2'), (settings.rateWarmup + 1) * 1000);
  const timingClient = await fixedRate(gatewayUrl);
  clearTimeout(reset);
  await gateway.stop();
  const timing: GatewayTiming = { ...JSON.parse(fs.readFileSync(timingFile, 'utf8')), client: timingClient };
  log(
    `  inside the gateway: p99 ${timing.total.p99} ms (own work before ${timing.before.p99} / after ` +
      `${timing.after.p99} ms, backend ${timing.backend.p99} ms); at the client p99 ${timingClient.latencyMs.p99} ms`,
  );

  // Optional: where the gateway spends its CPU under wrk load (a separate, profiled gateway process).
  let profile: ProfileSummary | undefined;
  if (args.profile) {
    // Kept after the run (outside the temporary directory) for a closer look: it is several MB, not for git.
    const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portico-bench-profile-'));
    log('profiling the gateway under wrk load (node --cpu-prof)...');
    // --cpu-prof is not allowed in NODE_OPTIONS: node runs main.ts with tsx's loader itself (what tsx's CLI does).
    gateway = start(
      'profiled gateway',
      process.execPath,
      ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--import', 'tsx', 'lib/gateway/main.ts'],
      // one process: a profile of one event loop
      { cwd: ROOT, env: { ...gatewayEnv, PORTICO_GATEWAY_WORKERS: '1' } },
    );
    await ready('profiled gateway', gatewayUrl, gateway);
    await wrk(tools.wrk, gatewayUrl, settings.warmup);
    await wrk(tools.wrk, gatewayUrl, settings.duration);
    await gateway.stop();
    const biggest = fs
      .readdirSync(profileDir)
      .map((name) => path.join(profileDir, name))
      .sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0];
    if (biggest) {
      profile = summarizeProfile(biggest);
      log(`gateway CPU profile: ${biggest}`);
    }
  }

  const report: Report = {
    date: new Date().toISOString(),
    machine,
    settings,
    commands,
    nginxConf,
    databaseServer: database.server,
    wrkRounds,
    rateRounds,
    dbDuringLoad,
    profile,
    timing,
    gatewayLog: gatewayOutput,
    loadAverageAtEnd: os.loadavg().map((n) => Math.round(n * 100) / 100),
  };
  const markdown = renderReport(report);
  const out = args.out ?? defaultOut();
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, markdown);
  console.log(`\n${markdown}`);
  log(`written to ${path.relative(ROOT, out)}`);
}

/** bench/results/http-proxy-<date>.md, or with the time added when that file exists already. */
function defaultOut(): string {
  const now = new Date();
  const date = now.toISOString().slice(0, 10);
  const first = path.join(ROOT, 'bench/results', `http-proxy-${date}.md`);
  if (!fs.existsSync(first)) return first;
  return path.join(ROOT, 'bench/results', `http-proxy-${date}-${now.toISOString().slice(11, 16).replace(':', '')}.md`);
}

main()
  .catch((error: unknown) => {
    console.error(`[bench] failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  })
  .finally(async () => {
    await cleanup();
    process.exit();
  });
