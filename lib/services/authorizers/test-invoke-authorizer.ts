// TestInvokeAuthorizer: runs an authorizer of the API's current (undeployed) definition on the headers and stage
// variables given, as the gateway would, and answers with the status the client would get, the claims, an AWS-style
// execution log and the latency. A Cognito user pool authorizer verifies the token against the pool's keys (the
// same code as the gateway's); a Lambda authorizer answers the gateway's 500, as Portico cannot invoke functions yet.
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
import { createGatewayContext } from '../../gateway/pipeline/gateway-context';
import { verifyUserPoolCaller } from '../../gateway/pipeline/user-pool-auth';
import { type Actor, authorize } from '../actor';
import { logStamp } from '../execution-log';
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
}

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
  const rawHeaders: string[] = [];
  for (const [name, value] of Object.entries(data.headers ?? {})) rawHeaders.push(name, value);
  for (const [name, values] of Object.entries(data.multiValueHeaders ?? {}))
    for (const v of values) rawHeaders.push(name, v);
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
  const done = (clientStatus: number, claims?: Record<string, string>): TestInvokeAuthorizerResult => {
    log.push(`${logStamp()} : Authorizer completed with status: ${clientStatus}`);
    return { clientStatus, log: `${log.join('\n')}\n`, latency: Date.now() - started, ...(claims && { claims }) };
  };
  if (authorizer?.type !== 'COGNITO_USER_POOLS') {
    log.push(
      `${logStamp()} : Execution failed due to configuration error: the Lambda function of authorizer ${row.id} cannot be invoked (Portico has no function runtime yet)`,
    );
    return done(500);
  }
  const token = ctx.request.headers[authorizer.header];
  if (token) log.push(`${logStamp()} : Incoming identity: ${masked(token)}`);
  try {
    const claims = await verifyUserPoolCaller(ctx, authorizer, userPoolKeys);
    log.push(`${logStamp()} : Authorizer claims: ${JSON.stringify(claims)}`);
    return done(200, claims);
  } catch (error) {
    if (!(error instanceof GatewayError)) throw error;
    const entry = GATEWAY_RESPONSE_CATALOG[error.responseType];
    log.push(`${logStamp()} : ${error.customMessage ?? entry.message ?? error.responseType}`);
    return done(Number(entry.statusCode));
  }
}
