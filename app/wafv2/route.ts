// AWS WAFv2's awsJson1_1 API (web ACLs, IP sets, associations with stages): the AWS SDK's WAFV2Client with
// `endpoint: '<console>/wafv2'`, signed for `wafv2`, or a signed-in console session.
import { currentActor } from '@/lib/auth/current-actor';
import { handleWafRequest } from '@/lib/aws-api/waf-protocol';

export const POST = (request: Request) => handleWafRequest(request, { sessionActor: currentActor });

export const dynamic = 'force-dynamic';
