// An invocation's log as Lambda writes it — START, what the function logged, END and REPORT — and the tail Invoke
// returns with X-Amz-Log-Type: Tail (the last 4 KB, base64).

export interface InvocationLogEntry {
  requestId: string;
  version: string;
  /** what the function logged (the runtime's lines) */
  logs: string;
  durationMs: number;
  memorySize: number;
}

export function invocationLog(entry: InvocationLogEntry): string {
  const duration = entry.durationMs.toFixed(2);
  const billed = Math.max(1, Math.ceil(entry.durationMs));
  const logs = entry.logs === '' || entry.logs.endsWith('\n') ? entry.logs : `${entry.logs}\n`;
  return (
    `START RequestId: ${entry.requestId} Version: ${entry.version}\n` +
    logs +
    `END RequestId: ${entry.requestId}\n` +
    `REPORT RequestId: ${entry.requestId}\tDuration: ${duration} ms\tBilled Duration: ${billed} ms\tMemory Size: ${entry.memorySize} MB\t\n`
  );
}

export const LOG_TAIL_BYTES = 4096;

/** X-Amz-Log-Result: the last 4 KB of the log, base64. */
export function logTail(log: string): string {
  const bytes = Buffer.from(log, 'utf8');
  return bytes.subarray(Math.max(0, bytes.length - LOG_TAIL_BYTES)).toString('base64');
}
