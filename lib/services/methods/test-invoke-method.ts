// TestInvokeMethod: runs the gateway's own pipeline, in process, against the API's current (undeployed) definition
// and answers with the status, headers, body, an AWS-style execution log and the latency.

import { randomUUID } from 'node:crypto';
import { type Readable, Writable } from 'node:stream';
import { z } from 'zod';
import { db } from '../../db/client';
import { GatewayError } from '../../gateway/gateway-error';
import { rawHeaderList } from '../../gateway/mapping/raw-headers';
import { createGatewayContext, type GatewayResult } from '../../gateway/pipeline/gateway-context';
import { executeMethod, gatewayResponse } from '../../gateway/pipeline/handle-request';
import { matchRoute } from '../../gateway/routing';
import { buildDeployment } from '../../gateway/served-stage';
import { compileStageThrottles } from '../../gateway/throttle/stage-throttles';
import { compileSnapshot } from '../../snapshot/compile-snapshot';
import { type Actor, authorize } from '../actor';
import { badRequest } from '../errors';
import { logStamp } from '../execution-log';
import { findMethod } from '../lookups';
import { testInvokeFunctions } from '../test-invoke-functions';
import { parseInput } from '../validation';
import { normalizeHttpMethod } from './method-input';

const testInvokeInput = z.object({
  pathWithQueryString: z.string().optional(),
  body: z.string().optional(),
  headers: z.record(z.string(), z.string()).optional(),
  multiValueHeaders: z.record(z.string(), z.array(z.string())).optional(),
  clientCertificateId: z.string().optional(),
  stageVariables: z.record(z.string(), z.string()).optional(),
});

export interface TestInvokeResult {
  status: number;
  body: string;
  headers: Record<string, string>;
  multiValueHeaders: Record<string, string[]>;
  log: string;
  latency: number;
}

async function bodyText(body: GatewayResult['body']): Promise<string> {
  if (typeof body === 'string') return body;
  if (Buffer.isBuffer(body)) return body.toString('utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of body as Readable) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** Runs a streamed (HTTP_PROXY) result into memory. */
async function collectStream(result: GatewayResult): Promise<GatewayResult> {
  const chunks: Buffer[] = [];
  const collected: GatewayResult = { status: 0, headers: {}, body: '' };
  await result.stream?.((status, headers) => {
    collected.status = status;
    for (let i = 0; i + 1 < headers.length; i += 2) {
      const name = headers[i] as string;
      const value = headers[i + 1] as string;
      const existing = collected.headers[name];
      collected.headers[name] =
        existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
    }
    return new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(Buffer.from(chunk));
        done();
      },
    });
  });
  return { ...collected, body: Buffer.concat(chunks) };
}

const stamp = logStamp;

export async function testInvokeMethod(
  actor: Actor,
  restApiId: string,
  resourceId: string,
  httpMethodRaw: string,
  input: unknown,
): Promise<TestInvokeResult> {
  authorize(actor, 'edit');
  const httpMethod = normalizeHttpMethod(httpMethodRaw);
  const data = parseInput(testInvokeInput, input ?? {});
  const { snapshot } = await db().$transaction(async (tx) => {
    await findMethod(tx, restApiId, resourceId, httpMethod);
    return compileSnapshot(tx, restApiId);
  });
  const deployment = buildDeployment(`test-invoke-${randomUUID()}`, snapshot);
  const resource = snapshot.resources.find((r) => r.id === resourceId);
  if (!resource) throw badRequest('Invalid Resource identifier specified');
  const [rawPath = resource.path, rawQuery = ''] = (data.pathWithQueryString ?? resource.path).split('?', 2);
  const verb = httpMethod === 'ANY' ? 'GET' : httpMethod;
  const match = matchRoute(deployment.router, verb, rawPath);
  if (!match || match.resource.id !== resourceId) {
    throw badRequest(`The path ${rawPath} does not match the resource ${resource.path}`);
  }
  const rawHeaders = rawHeaderList(data.headers, data.multiValueHeaders);
  const requestId = randomUUID();
  const methodDef = match.resource.methods[match.httpMethod];
  const integrationType = methodDef?.methodIntegration?.type;
  const functions =
    integrationType === 'AWS' || integrationType === 'AWS_PROXY' ? await testInvokeFunctions() : undefined;
  const started = Date.now();
  const body = Buffer.from(data.body ?? '', 'utf8');
  const ctx = createGatewayContext({
    requestId,
    apigwId: requestId.slice(0, 15),
    startedAt: started,
    method: verb,
    url: rawQuery ? `${rawPath}?${rawQuery}` : rawPath,
    path: rawPath,
    rawQuery,
    rawHeaders,
    host: 'test-invoke',
    sourceIp: 'test-invoke-source-ip',
    body,
    stage: {
      restApiId,
      stageName: 'test-invoke-stage',
      disableExecuteApiEndpoint: false,
      deployment,
      variables: data.stageVariables ?? {},
      apiKeys: new Map(),
      throttles: compileStageThrottles(undefined),
    },
    deployment,
    isCanary: false,
    stageVariables: data.stageVariables ?? {},
    route: match,
    methodDef,
    functions,
    trace: (message) => log.push(`${stamp()} : ${message}`),
  });
  const log: string[] = [
    `Execution log for request ${requestId}`,
    `${stamp()} : Starting execution for request: ${requestId}`,
    `${stamp()} : HTTP Method: ${verb}, Resource Path: ${rawPath}`,
    `${stamp()} : Method request path: ${JSON.stringify(match.pathParameters)}`,
    `${stamp()} : Method request query string: ${JSON.stringify(ctx.request.query)}`,
    `${stamp()} : Method request headers: ${JSON.stringify(ctx.request.headers)}`,
    `${stamp()} : Method request body before transformations: ${ctx.request.body}`,
  ];
  let failed = false;
  /** A failure anywhere in the run: AWS's gateway response, and the log line that says why. */
  const failure = (error: unknown): GatewayResult => {
    failed = true;
    const gatewayError = error instanceof GatewayError ? error : new GatewayError('API_CONFIGURATION_ERROR');
    log.push(
      `${stamp()} : Execution failed: ${gatewayError.responseType}${gatewayError.customMessage ? ` ${gatewayError.customMessage}` : ''}`,
    );
    return gatewayResponse(ctx, gatewayError);
  };
  let result = await executeMethod(ctx).catch(failure);
  if (result.stream) result = await collectStream(result).catch(failure);
  const text = await bodyText(result.body);
  const headers: Record<string, string> = {};
  const multiValueHeaders: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(result.headers)) {
    const values = Array.isArray(value) ? value : [value];
    headers[name] = values[values.length - 1] ?? '';
    multiValueHeaders[name] = values;
  }
  log.push(
    `${stamp()} : Method response body after transformations: ${text}`,
    `${stamp()} : Method response headers: ${JSON.stringify(headers)}`,
    ...(failed ? [] : [`${stamp()} : Successfully completed execution`]),
    `${stamp()} : Method completed with status: ${result.status}`,
  );
  return {
    status: result.status,
    body: text,
    headers,
    multiValueHeaders,
    log: `${log.join('\n')}\n`,
    latency: Date.now() - started,
  };
}
