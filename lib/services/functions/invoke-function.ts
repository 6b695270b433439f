// Invoke: runs $LATEST, a published version or an alias's version (its weighted routing drawn per invocation) in
// this process's function runtime. RequestResponse waits for the result (200, with the version that ran, whether the
// function failed, and with LogType Tail the last 4 KB of its log); Event runs it in the background (202); DryRun
// only checks that it could run (204). The payload is the JSON event; an empty one is {}.

import { db } from '../../db/client';
import { aliasVersion } from '../../functions/alias-routing';
import { functionArn } from '../../functions/function-arn';
import { FunctionThrottled } from '../../functions/function-runtime';
import { functionRuntime } from '../../functions/runtime-instance';
import { type Actor, authorize } from '../actor';
import { ServiceError, tooManyRequests } from '../errors';
import { findVersion, resolveQualifier, type VersionRow } from './find-function';
import { functionTarget } from './function-reference';
import { routingWeights } from './function-shape';
import { functionSpec } from './function-spec';
import { invocationLog, logTail } from './invocation-log';
import { functionNotFound, validationError, violation } from './lambda-errors';

export interface InvokeRequest {
  functionName: string;
  qualifier: string | null;
  invocationType: string | null;
  logType: string | null;
  /** the request body as received */
  payload: string;
  requestId: string;
}

export interface InvokeResponse {
  statusCode: 200 | 202 | 204;
  payload?: string;
  executedVersion?: string;
  functionError?: 'Unhandled';
  logResult?: string;
}

const INVOCATION_TYPES = ['Event', 'RequestResponse', 'DryRun'];
const LOG_TYPES = ['None', 'Tail'];
/** Lambda's payload limits: 6 MB synchronous (request and response), 1 MB asynchronous. */
const MAX_SYNC_BYTES = 6 * 1024 * 1024;
const MAX_ASYNC_BYTES = 1024 * 1024; // (?) 256 KB until Lambda raised it
const MAX_RESPONSE_BYTES = 6 * 1024 * 1024 + 100; // AWS reports 6291556 bytes

function checkEnum(member: string, value: string, allowed: string[]): void {
  if (!allowed.includes(value)) {
    throw validationError([violation(member, value, `Member must satisfy enum value set: [${allowed.join(', ')}]`)]);
  }
}

function readEvent(payload: string, invocationType: string): unknown {
  const limit = invocationType === 'Event' ? MAX_ASYNC_BYTES : MAX_SYNC_BYTES;
  if (Buffer.byteLength(payload) > limit) {
    throw new ServiceError(
      'RequestTooLargeException',
      `Request must be smaller than ${limit} bytes for the InvokeFunction operation`,
    );
  }
  if (payload.trim() === '') return {};
  try {
    return JSON.parse(payload);
  } catch (error) {
    // (?) AWS's text after the prefix is its JSON parser's
    throw new ServiceError(
      'InvalidRequestContentException',
      `Could not parse request body into json: Could not parse payload into json: ${(error as Error).message}`,
    );
  }
}

export async function invokeFunction(actor: Actor, request: InvokeRequest): Promise<InvokeResponse> {
  authorize(actor, 'edit');
  const target = functionTarget(request.functionName, request.qualifier);
  const invocationType = request.invocationType || 'RequestResponse';
  const logType = request.logType || 'None';
  checkEnum('invocationType', invocationType, INVOCATION_TYPES);
  checkEnum('logType', logType, LOG_TYPES);
  const event = readEvent(request.payload, invocationType);

  const fn = await db().function.findUnique({ where: { functionName: target.functionName } });
  if (!fn) throw functionNotFound(target.functionName, target.qualifier);
  const resolved = await resolveQualifier(db(), fn, target.qualifier);
  let version: VersionRow | null = resolved.version;
  if (resolved.alias) {
    const drawn = aliasVersion({
      functionVersion: resolved.alias.functionVersion,
      additionalVersionWeights: routingWeights(resolved.alias),
    });
    if (drawn !== version.version) version = await findVersion(db(), fn, drawn);
    if (!version) throw functionNotFound(fn.functionName, target.qualifier);
  }
  if (invocationType === 'DryRun') return { statusCode: 204 };

  const spec = functionSpec(fn, version);
  const options = { requestId: request.requestId, invokedArn: functionArn(fn.functionName, target.qualifier) };
  if (invocationType === 'Event') {
    functionRuntime()
      .invoke(spec, event, options)
      .catch((error: Error) =>
        console.error(`Event invocation ${request.requestId} of ${spec.functionArn} failed: ${error.message}`),
      );
    return { statusCode: 202 };
  }

  const started = performance.now();
  const result = await functionRuntime()
    .invoke(spec, event, options)
    .catch((error: unknown) => {
      // Lambda's answer when a function cannot take more invocations
      if (error instanceof FunctionThrottled) throw tooManyRequests('Rate Exceeded.');
      throw error;
    });
  const durationMs = performance.now() - started;
  let { payload, functionError } = result;
  if (Buffer.byteLength(payload) > MAX_RESPONSE_BYTES) {
    payload = JSON.stringify({
      errorMessage: `Response payload size exceeded maximum allowed payload size (${MAX_RESPONSE_BYTES} bytes).`,
      errorType: 'Function.ResponseSizeTooLarge',
    });
    functionError = 'Unhandled';
  }
  return {
    statusCode: 200,
    payload,
    executedVersion: result.executedVersion,
    ...(functionError && { functionError }),
    ...(logType === 'Tail' && {
      logResult: logTail(
        invocationLog({
          requestId: result.requestId,
          version: result.executedVersion,
          logs: result.logs,
          durationMs,
          memorySize: spec.memorySize,
        }),
      ),
    }),
  };
}
