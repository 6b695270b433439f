// AWS_IAM methods (§5.8): the request must carry a SigV4 signature (service `execute-api`, any region, ±5 minutes)
// made with an active access key of a Portico user who is not disabled, or with temporary credentials (STS
// GetSessionToken) and their session token — EXPIRED_TOKEN once they expire. The signature is checked by the management
// API's verifier (lib/aws-api/sigv4.ts, Smithy's signer) against the keys the configuration store holds in memory.
// Any such user may invoke. The signature may be in the Authorization header or in the query string (a pre-signed
// URL, valid for its X-Amz-Expires seconds); the API's resource policy is checked after (resource-policy-check.ts).

import { isPresigned, verifyPresignedSignature, verifySignature } from '../../aws-api/sigv4';
import { config } from '../../config';
import { lookupHash } from '../../crypto/secrets';
import { ServiceError } from '../../services/errors';
import { GatewayError } from '../gateway-error';
import type { GatewayContext } from './gateway-context';

export const IAM_SIGNING_SERVICE = 'execute-api';

export interface IamPrincipal {
  accessKeyId: string;
  secretAccessKey: string;
  userId: string;
  /** the user's sign-in name (email), as the IAM user name in `userArn` */
  userName: string;
  /** temporary credentials: the lookup hash of their session token, and when they expire (ms) */
  session?: { tokenHash: string; expiresAt: number };
}

/** The signer of a request that names this key (and session token): null when unknown, `expired` when past. */
function signer(
  found: IamPrincipal | undefined,
  sessionToken: string | undefined,
): { secretAccessKey: string; actor: IamPrincipal } | 'expired' | null {
  if (!found) return null;
  if (found.session === undefined)
    return sessionToken === undefined ? { secretAccessKey: found.secretAccessKey, actor: found } : null;
  if (sessionToken === undefined || lookupHash(sessionToken) !== found.session.tokenHash) return null;
  if (found.session.expiresAt <= Date.now()) return 'expired';
  return { secretAccessKey: found.secretAccessKey, actor: found };
}

/** `$context.identity` for a verified caller (AWS: an IAM user of the API's account). */
export interface IamCaller {
  accessKey: string;
  accountId: string;
  caller: string;
  user: string;
  userArn: string;
  /** not in `$context`: for resource policies (aws:username) */
  userName: string;
}

export type AccessKeyLookup = (accessKeyId: string) => IamPrincipal | undefined;

function signedHeaders(raw: readonly string[]): Headers {
  const headers = new Headers();
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i] as string, raw[i + 1] as string);
  return headers;
}

export async function verifyIamCaller(ctx: GatewayContext, lookup: AccessKeyLookup): Promise<IamCaller> {
  const headers = signedHeaders(ctx.rawHeaders);
  const queryAt = ctx.url.indexOf('?');
  const rawQuery = queryAt === -1 ? '' : ctx.url.slice(queryAt + 1);
  const presigned = !headers.get('authorization') && isPresigned(rawQuery);
  if (!headers.get('authorization') && !presigned) throw new GatewayError('MISSING_AUTHENTICATION_TOKEN');
  let principal: IamPrincipal;
  try {
    principal = await (presigned ? verifyPresignedSignature : verifySignature)(
      {
        method: ctx.method,
        rawPath: queryAt === -1 ? ctx.url : ctx.url.slice(0, queryAt),
        rawQuery,
        headers,
        body: ctx.body,
      },
      async (accessKeyId, sessionToken) => signer(lookup(accessKeyId), sessionToken),
      new Date(),
      IAM_SIGNING_SERVICE,
    );
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    if (error.type === 'ExpiredTokenException') throw new GatewayError('EXPIRED_TOKEN');
    // AWS answers these as INVALID_SIGNATURE, keeping the verifier's own error name and message.
    throw new GatewayError('INVALID_SIGNATURE', error.message, error.type);
  }
  const accountId = config.accountId;
  return {
    accessKey: principal.accessKeyId,
    accountId,
    caller: principal.userId,
    user: principal.userId,
    userArn: `arn:aws:iam::${accountId}:user/${principal.userName}`,
    userName: principal.userName,
  };
}
