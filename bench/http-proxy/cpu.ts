// How much CPU the rest of the machine used during a measurement: all busy time (/proc/stat) minus the benchmark's
// own processes (its process groups, and this process with its reaped children: wrk, the fixed-rate generator).
// On a 2-core machine shared with other work this says whether a run is to be trusted. Linux only.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

let clockTicks: number | undefined;
function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

function systemBusyTicks(): number {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  // cpu user nice system idle iowait irq softirq steal ...
  const [, user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).map(Number);
  return (user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0);
}

/** Fields after the command name of /proc/PID/stat (state is [0], pgrp [2], utime [11], stime [12], cutime [13]). */
function statFields(pid: string | number): string[] | undefined {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

function ownTicks(groups: ReadonlySet<number>): number {
  let total = 0;
  const self = statFields(process.pid);
  if (self) total += Number(self[11]) + Number(self[12]) + Number(self[13]) + Number(self[14]);
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    const fields = statFields(entry);
    if (fields && groups.has(Number(fields[2]))) total += Number(fields[11]) + Number(fields[12]);
  }
  return total;
}

export interface CpuSample {
  at: number;
  busy: number;
  own: number;
}

export function sampleCpu(groups: ReadonlySet<number>): CpuSample {
  return { at: performance.now(), busy: systemBusyTicks(), own: ownTicks(groups) };
}

/** Cores' worth of CPU used by everything else between two samples (0.5 = half a core). */
export function otherCores(before: CpuSample, after: CpuSample): number {
  const seconds = (after.at - before.at) / 1000;
  const others = after.busy - before.busy - (after.own - before.own);
  return Math.max(0, Math.round((others / ticksPerSecond() / seconds) * 100) / 100);
}

/** Waits (at most `maxMs`) until the rest of the machine uses less than `threshold` cores over a second. */
export async function waitForQuiet(
  groups: () => ReadonlySet<number>,
  maxMs: number,
  threshold = 0.2,
): Promise<{ waitedMs: number; others: number }> {
  const started = performance.now();
  for (;;) {
    const before = sampleCpu(groups());
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const others = otherCores(before, sampleCpu(groups()));
    const waitedMs = Math.round(performance.now() - started);
    if (others < threshold || waitedMs >= maxMs) return { waitedMs, others };
  }
}
