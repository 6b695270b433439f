// Authorization (§5): methods open to everyone (NONE), AWS_IAM methods (a SigV4 signature, iam-auth.ts),
// COGNITO_USER_POOLS methods (a user pool's token, user-pool-auth.ts) and CUSTOM methods (a Lambda authorizer,
// lambda-auth.ts); then the API's resource policy has its say (resource-policy-check.ts). Only the checks that need
// one are asynchronous: the usual NONE method returns undefined and costs the hot path no promise.
import type { AuthorizerCache } from '../authorizers/authorizer-cache';
import type { UserPoolKeys } from '../authorizers/user-pool-keys';
import { GatewayError } from '../gateway-error';
import type { GatewayContext } from './gateway-context';
import { type AccessKeyLookup, verifyIamCaller } from './iam-auth';
import { authorizeWithLambda } from './lambda-auth';
import { checkResourcePolicy } from './resource-policy-check';
import { verifyUserPoolCaller } from './user-pool-auth';

/** What the authorizers read: the access keys of AWS_IAM callers, the signing keys of user pools, and the Lambda
 * authorizers' results still within their TTL. */
export interface Authenticators {
  accessKeys: AccessKeyLookup;
  userPools: UserPoolKeys;
  authorizerResults: AuthorizerCache;
}

function afterAuthentication(ctx: GatewayContext): void {
  const policy = ctx.deployment?.policy;
  if (policy) checkResourcePolicy(ctx, policy);
}

export function authorize(ctx: GatewayContext, authenticators: Authenticators): Promise<void> | undefined {
  const method = ctx.methodDef;
  if (!method) return undefined;
  switch (method.authorizationType) {
    case 'NONE':
      afterAuthentication(ctx);
      return undefined;
    case 'AWS_IAM':
      return verifyIamCaller(ctx, authenticators.accessKeys).then((caller) => {
        ctx.caller = caller;
        afterAuthentication(ctx);
      });
    case 'COGNITO_USER_POOLS': {
      const authorizer = method.authorizerId ? ctx.deployment?.authorizers.get(method.authorizerId) : undefined;
      if (authorizer?.type !== 'COGNITO_USER_POOLS') throw new GatewayError('AUTHORIZER_CONFIGURATION_ERROR');
      return verifyUserPoolCaller(ctx, authorizer, authenticators.userPools).then((claims) => {
        ctx.authorizer = { claims };
        afterAuthentication(ctx);
      });
    }
    case 'CUSTOM': {
      const authorizer = method.authorizerId ? ctx.deployment?.authorizers.get(method.authorizerId) : undefined;
      if (!authorizer || authorizer.type === 'COGNITO_USER_POOLS')
        throw new GatewayError('AUTHORIZER_CONFIGURATION_ERROR');
      return authorizeWithLambda(ctx, authorizer, authenticators.authorizerResults).then(() =>
        afterAuthentication(ctx),
      );
    }
    default:
      throw new GatewayError('API_CONFIGURATION_ERROR');
  }
}
