// What a function's process says to the runtime, read off its own pipe (fd 3) one JSON line at a time. The process
// runs code the runtime does not trust: a line that is too long, is not JSON, or is not one of the runner's messages
// ends that process (the caller answers Lambda's error), never the host — Node's own IPC channel would throw in the
// host on a malformed frame.
import type { Readable } from 'node:stream';

export type RunnerMessage =
  | { type: 'log'; id: number; line: string }
  | { type: 'result'; id: number; payload: string }
  | { type: 'error'; id: number; error: unknown; fatal?: boolean };

/** Longest line: Lambda's 6 MB answer, JSON-escaped (each character at most 6), with room for the envelope. */
export const MAX_MESSAGE_CHARS = 40 * 1024 * 1024;

function runnerMessage(value: unknown): RunnerMessage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const m = value as Record<string, unknown>;
  if (typeof m.id !== 'number') return undefined;
  if (m.type === 'log' && typeof m.line === 'string') return { type: 'log', id: m.id, line: m.line };
  if (m.type === 'result' && typeof m.payload === 'string') return { type: 'result', id: m.id, payload: m.payload };
  if (m.type === 'error' && typeof m.error === 'object' && m.error !== null) {
    return { type: 'error', id: m.id, error: m.error, fatal: m.fatal === true };
  }
  return undefined;
}

/** Calls `onMessage` for each message on `pipe`, and `onViolation` (once) for anything else. */
export function readRunnerMessages(
  pipe: Readable,
  onMessage: (message: RunnerMessage) => void,
  onViolation: (why: string) => void,
): void {
  let pending = '';
  let broken = false;
  pipe.setEncoding('utf8');
  pipe.on('data', (chunk: string) => {
    if (broken) return;
    pending += chunk;
    for (let newline = pending.indexOf('\n'); newline !== -1; newline = pending.indexOf('\n')) {
      const line = pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      let message: RunnerMessage | undefined;
      try {
        message = runnerMessage(JSON.parse(line));
      } catch {
        message = undefined;
      }
      if (!message) {
        broken = true;
        onViolation('the function process wrote something that is not a runner message');
        return;
      }
      onMessage(message);
    }
    if (pending.length > MAX_MESSAGE_CHARS) {
      broken = true;
      onViolation('the function process wrote a message over the size limit');
    }
  });
  pipe.on('error', () => {});
}
