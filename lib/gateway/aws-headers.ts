// The identifiers AWS puts on every API Gateway response: x-amzn-RequestId (a UUID) and x-amz-apigw-id (an
// extended request id: 16 characters of base64, ending in "=").
import { randomBytes, randomUUID } from 'node:crypto';

export function requestIds(): { requestId: string; apigwId: string } {
  return { requestId: randomUUID(), apigwId: `${randomBytes(11).toString('base64').slice(0, 15)}=` };
}
