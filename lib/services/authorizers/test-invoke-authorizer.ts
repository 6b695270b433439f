// TestInvokeAuthorizer: runs an authorizer of the API's current (undeployed) definition on the headers, query string
// and stage variables given, as the gateway would (the same code), and answers with the status the client would get,
// the claims (Cognito) or the principal and policy (Lambda), an AWS-style execution log and the latency. A Lambda
// authorizer is called on AWS's test method ARN (`…/ESTestInvoke-stage/GET/`) and its cache is not used.
//
// AWS's API reference says clientStatus is 0 when the authorizer succeeds; its console shows 200 for a success, and
// Portico answers 200 (not checked against AWS here).
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { db } from '../../db/client';
import { compileAuthorizers } from '../../gateway/authorizers/compile-authorizers';
import { userPoolKeys } from '../../gateway/authorizers/user-pool-keys';
import { GatewayError } from '../../gateway/gateway-error';
import { GATEWAY_RESPONSE_CATALOG } from '../../gateway/gateway-response-types';
import { rawHeaderList } from '../../gateway/mapping/raw-headers';
import { createGatewayContext } from '../../gateway/pipeline/gateway-context';
import { authorizerRequest, requestMethodArn, runAuthorizer } from '../../gateway/pipeline/lambda-auth';
import { verifyUserPoolCaller } from '../../gateway/pipeline/user-pool-auth';
import { type Actor, authorize } from '../actor';
import { logStamp } from '../execution-log';
import { testInvokeFunctions } from '../test-invoke-functions';
import { parseInput } from '../validation';
import { findAuthorizer } from './find-authorizer';

const testInvokeAuthorizerInput = z.object({
  headers: z.record(z.string(), z.string()).optional(),
  multiValueHeaders: z.record(z.string(), z.array(z.string())).optional(),
  pathWithQueryString: z.string().optional(),
  body: z.string().optional(),
  stageVariables: z.record(z.string(), z.string()).optional(),
  additionalContext: z.record(z.string(), z.string()).optional(),
});

export interface TestInvokeAuthorizerResult {
  clientStatus: number;
  log: string;
  latency: number;
  claims?: Record<string, string>;
  principalId?: string;
  /** the policy document the Lambda authorizer returned, as JSON text */
  policy?: string;
}

const TEST_STAGE = 'ESTestInvoke-stage';

/** The token as a log may show it: its last four characters. */
const masked = (value: string) => `${'*'.repeat(Math.max(0, Math.min(value.length - 4, 20)))}${value.slice(-4)}`;

export async function testInvokeAuthorizer(
  actor: Actor,
  restApiId: string,
  authorizerId: string,
  input: unknown,
): Promise<TestInvokeAuthorizerResult> {
  authorize(actor, 'edit');
  const data = parseInput(testInvokeAuthorizerInput, input ?? {});
  const row = await findAuthorizer(db(), restApiId, authorizerId);
  const authorizer = compileAuthorizers([row]).get(row.id);
  const requestId = randomUUID();
  const started = Date.now();
  const log = [
    `Execution log for request ${requestId}`,
    `${logStamp()} : Starting authorizer: ${row.id} for request: ${requestId}`,
  ];
  const rawHeaders = rawHeaderList(data.headers, data.multiValueHeaders);
  const [path = '/', rawQuery = ''] = (data.pathWithQueryString ?? '/').split('?', 2);
  const ctx = createGatewayContext({
    requestId,
    apigwId: requestId.slice(0, 15),
    startedAt: started,
    method: 'GET',
    url: data.pathWithQueryString ?? '/',
    path,
    rawQuery,
    rawHeaders,
    host: 'test-invoke',
    sourceIp: 'test-invoke-source-ip',
    body: Buffer.from(data.body ?? '', 'utf8'),
    stageVariables: data.stageVariables ?? {},
  });
  const done = (clientStatus: number, extra: Partial<TestInvokeAuthorizerResult> = {}): TestInvokeAuthorizerResult => {
    log.push(`${logStamp()} : Authorizer completed with status: ${clientStatus}`);
    return { clientStatus, log: `${log.join('\n')}\n`, latency: Date.now() - started, ...extra };
  };
  ctx.trace = (message) => log.push(`${logStamp()} : ${message}`);
  try {
    if (!authorizer) throw new GatewayError('AUTHORIZER_CONFIGURATION_ERROR');
    if (authorizer.type === 'COGNITO_USER_POOLS') {
      const token = ctx.request.headers[authorizer.header];
      if (token) log.push(`${logStamp()} : Incoming identity: ${masked(token)}`);
      const claims = await verifyUserPoolCaller(ctx, authorizer, userPoolKeys);
      log.push(`${logStamp()} : Authorizer claims: ${JSON.stringify(claims)}`);
      return done(200, { claims });
    }
    ctx.functions = await testInvokeFunctions();
    const arn = requestMethodArn(ctx, restApiId, TEST_STAGE);
    const { event } = authorizerRequest(ctx, authorizer, arn);
    const output = await runAuthorizer(ctx, authorizer, event);
    const policy = JSON.stringify(output.policyDocument);
    log.push(`${logStamp()} : Authorizer result: principalId ${output.principalId}, policy ${policy}`);
    const decision = output.evaluate(arn);
    return done(decision === 'allow' ? 200 : 403, { principalId: output.principalId, policy });
  } catch (error) {
    if (!(error instanceof GatewayError)) throw error;
    const entry = GATEWAY_RESPONSE_CATALOG[error.responseType];
    log.push(`${logStamp()} : ${error.customMessage ?? entry.message ?? error.responseType}`);
    return done(Number(entry.statusCode));
  }
}
