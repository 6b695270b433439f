// AWS STS's query protocol (GetSessionToken): the AWS SDK's STSClient with `endpoint: '<console>/sts'`.
import { handleStsRequest } from '@/lib/aws-api/sts-protocol';

export const POST = (request: Request) => handleStsRequest(request);

export const dynamic = 'force-dynamic';
