// Authorization (§5): methods open to everyone (NONE), AWS_IAM methods (a SigV4 signature, iam-auth.ts) and
// COGNITO_USER_POOLS methods (a user pool's token, user-pool-auth.ts) are served, then the API's resource policy has
// its say (resource-policy-check.ts). A method with a Lambda authorizer (CUSTOM) answers AWS's
// AUTHORIZER_CONFIGURATION_ERROR — Portico has no function runtime to invoke it yet — rather than be served
// unprotected. Only the signature and token checks are asynchronous: the usual NONE method returns undefined and
// costs the hot path no promise.
import type { UserPoolKeys } from '../authorizers/user-pool-keys';
import { GatewayError } from '../gateway-error';
import type { GatewayContext } from './gateway-context';
import { type AccessKeyLookup, verifyIamCaller } from './iam-auth';
import { checkResourcePolicy } from './resource-policy-check';
import { verifyUserPoolCaller } from './user-pool-auth';

/** What the authorizers read: the access keys of AWS_IAM callers, the signing keys of user pools. */
export interface Authenticators {
  accessKeys: AccessKeyLookup;
  userPools: UserPoolKeys;
}

function afterAuthentication(ctx: GatewayContext): void {
  const policy = ctx.deployment?.policy;
  if (policy) checkResourcePolicy(ctx, policy);
}

const reportedLambdaAuthorizers = new Set<string>();

function lambdaAuthorizerUnavailable(authorizerId: string | undefined): GatewayError {
  if (authorizerId && !reportedLambdaAuthorizers.has(authorizerId)) {
    reportedLambdaAuthorizers.add(authorizerId);
    console.warn(`gateway: Lambda authorizer ${authorizerId} cannot be invoked (no function runtime yet)`);
  }
  return new GatewayError('AUTHORIZER_CONFIGURATION_ERROR');
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
    case 'CUSTOM':
      throw lambdaAuthorizerUnavailable(method.authorizerId);
    default:
      throw new GatewayError('API_CONFIGURATION_ERROR');
  }
}
