// The identifiers AWS puts on every API Gateway response: x-amzn-RequestId (a UUID) and x-amz-apigw-id (an
// extended request id: 16 characters of base64, ending in "="); and the X-Ray style X-Amzn-Trace-Id on the answers
// of integrations other than HTTP_PROXY. Random bytes come from a pool refilled in bulk, so a
// request costs no call into the system's random source of its own.
import { randomFillSync, randomUUID } from 'node:crypto';

const POOL_SIZE = 11 * 512;
const pool = Buffer.alloc(POOL_SIZE);
let offset = POOL_SIZE;

function nextBytes(n: number): Buffer {
  if (offset + n > POOL_SIZE) {
    randomFillSync(pool);
    offset = 0;
  }
  const bytes = pool.subarray(offset, offset + n);
  offset += n;
  return bytes;
}

export function requestIds(): { requestId: string; apigwId: string } {
  return { requestId: randomUUID(), apigwId: `${nextBytes(11).toString('base64').slice(0, 15)}=` };
}

/** An X-Ray trace header value: `Root=1-<epoch seconds, 8 hex>-<96 random bits, 24 hex>;Sampled=0`. */
export function traceId(nowMs: number = Date.now()): string {
  return `Root=1-${Math.floor(nowMs / 1000)
    .toString(16)
    .padStart(8, '0')}-${nextBytes(12).toString('hex')};Sampled=0`;
}
