// The gateway pipeline, in AWS's order. Each stage continues, or throws a GatewayError that becomes AWS's gateway
// response. Stages still to come are listed where they belong.
//
//   route            route-request.ts   stage, canary draw, resource and method (403 Missing Authentication Token)
//   authorize        authorize.ts       NONE, AWS_IAM (iam-auth.ts: SigV4), COGNITO_USER_POOLS (user-pool-auth.ts:
//                                       the pool's JWT), CUSTOM (lambda-auth.ts: TOKEN / REQUEST Lambda
//                                       authorizers), then the API's resource policy (resource-policy-check.ts)
//   apiKey           api-key.ts         x-api-key (or the authorizer's usageIdentifierKey) against the stage's
//                                       usage plans (INVALID_API_KEY)
//   throttle         throttle.ts        the key's usage plan limits, the method's stage limits, then the
//                                       gateway-wide one (THROTTLED)
//   quota            quota.ts           the key's usage plan quota (QUOTA_EXCEEDED); counts the key's usage
//   (cache lookup: later)
//   validate         validate.ts        required parameters, then the body against its model (JSON Schema draft-04)
//   integrate        integrate.ts       HTTP_PROXY; HTTP, MOCK and AWS (Lambda) with request/response mapping
//                                       (non-proxy.ts: parameter mapping, templates or passthrough, integration
//                                       response selection, response templates and overrides); AWS_PROXY
//                                       (lambda-proxy.ts: the function's proxy event and answer); AWS service
//                                       integrations other than Lambda answer 500
//   (cache store: later)
//   respond          handle-request.ts  AWS's identifying headers on every response
export { checkApiKey } from './api-key';
export { authorize } from './authorize';
export { integrate } from './integrate';
export { meterUsage, type UsageMeter } from './quota';
export { routeRequest, selectDeployment } from './route-request';
export { type Throttling, throttle } from './throttle';
export { validateRequest } from './validate';
