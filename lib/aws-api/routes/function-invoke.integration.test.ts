// Lambda's Invoke through the real @aws-sdk/client-lambda: real functions in the function runtime, by name, ARN,
// version and alias (weighted routing drawn per invocation), with Lambda's headers, log tail and invocation types.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CreateAliasCommand,
  InvokeCommand,
  type InvokeCommandOutput,
  PublishVersionCommand,
  UpdateAliasCommand,
  UpdateFunctionCodeCommand,
} from '@aws-sdk/client-lambda';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFunction, source, uniqueName, withTestFunctions } from '../../testing/lambda-functions';
import { sdkFailure as failure, withManagementApi } from '../../testing/management-api';

const { lambda, api } = withManagementApi(['DEVELOPER', 'VIEWER'] as const);
withTestFunctions();
const ARN = 'arn:aws:lambda:us-east-1:123456789012:function';

const json = (output: InvokeCommandOutput) => JSON.parse(new TextDecoder().decode(output.Payload));
const log = (output: InvokeCommandOutput) => Buffer.from(output.LogResult ?? '', 'base64').toString('utf8');

describe('Invoke (RequestResponse)', () => {
  it('runs the function with the JSON event and answers its result, the version that ran and no error', async () => {
    const name = uniqueName('echo');
    await createFunction(lambda.DEVELOPER, name);
    const result = await lambda.DEVELOPER.send(
      new InvokeCommand({ FunctionName: name, Payload: JSON.stringify({ hello: 'world' }) }),
    );
    expect(result.StatusCode).toBe(200);
    expect(json(result)).toEqual({ got: { hello: 'world' } });
    expect(result.ExecutedVersion).toBe('$LATEST');
    expect(result.FunctionError).toBeUndefined();
    expect(result.LogResult).toBeUndefined();
    // an empty payload is the event {}
    expect(json(await lambda.DEVELOPER.send(new InvokeCommand({ FunctionName: name })))).toEqual({ got: {} });
    // by ARN, partial ARN, and with $LATEST
    for (const FunctionName of [`${ARN}:${name}`, `123456789012:function:${name}`, `${name}:$LATEST`]) {
      const byReference = await lambda.DEVELOPER.send(new InvokeCommand({ FunctionName, Payload: '[1,2]' }));
      expect(json(byReference)).toEqual({ got: [1, 2] });
    }
  });

  it('passes Lambda’s context, with the ARN as invoked, and the function’s environment', async () => {
    const name = uniqueName('context');
    await createFunction(lambda.DEVELOPER, name, {
      Code: {
        ZipFile: source(
          'exports.handler = async (e, ctx) => ({ arn: ctx.invokedFunctionArn, version: ctx.functionVersion, id: ctx.awsRequestId, env: process.env.GREETING });',
        ),
      },
      Environment: { Variables: { GREETING: 'bonjour' } },
      Publish: true,
    });
    const result = await lambda.DEVELOPER.send(new InvokeCommand({ FunctionName: name, Qualifier: '1' }));
    expect(json(result)).toEqual({
      arn: `${ARN}:${name}:1`,
      version: '1',
      id: result.$metadata.requestId,
      env: 'bonjour',
    });
    expect(result.ExecutedVersion).toBe('1');
  });

  it('answers a thrown error as Lambda does: 200, X-Amz-Function-Error Unhandled and the error object', async () => {
    const name = uniqueName('throws');
    await createFunction(lambda.DEVELOPER, name, {
      Code: { ZipFile: source('exports.handler = async () => { throw new RangeError("out of range"); };') },
    });
    const result = await lambda.DEVELOPER.send(new InvokeCommand({ FunctionName: name }));
    expect(result.StatusCode).toBe(200);
    expect(result.FunctionError).toBe('Unhandled');
    expect(json(result)).toMatchObject({ errorType: 'RangeError', errorMessage: 'out of range' });
  });

  it('returns the last 4 KB of the log, base64, with LogType Tail', async () => {
    const name = uniqueName('tail');
    await createFunction(lambda.DEVELOPER, name, {
      Code: { ZipFile: source('exports.handler = async (n) => { console.log("line " + "x".repeat(n)); return n; };') },
      MemorySize: 256,
    });
    const short = await lambda.DEVELOPER.send(new InvokeCommand({ FunctionName: name, Payload: '5', LogType: 'Tail' }));
    const text = log(short);
    expect(text).toMatch(new RegExp(`^START RequestId: ${short.$metadata.requestId} Version: \\$LATEST\\n`));
    expect(text).toContain('\tINFO\tline xxxxx\n');
    expect(text).toContain(`END RequestId: ${short.$metadata.requestId}\n`);
    expect(text).toMatch(
      /REPORT RequestId: \S+\tDuration: [\d.]+ ms\tBilled Duration: \d+ ms\tMemory Size: 256 MB\t\n$/,
    );

    const long = await lambda.DEVELOPER.send(
      new InvokeCommand({ FunctionName: name, Payload: '10000', LogType: 'Tail' }),
    );
    expect(Buffer.from(long.LogResult ?? '', 'base64')).toHaveLength(4096);
    expect(log(long)).toMatch(/REPORT RequestId: .*\n$/);
  });

  it('runs a version or an alias, and draws an alias’s weighted routing per invocation', async () => {
    const name = uniqueName('routed');
    await createFunction(lambda.DEVELOPER, name, {
      Code: { ZipFile: source('exports.handler = async () => "one";') },
      Publish: true,
    });
    await lambda.DEVELOPER.send(
      new UpdateFunctionCodeCommand({ FunctionName: name, ZipFile: source('exports.handler = async () => "two";') }),
    );
    await lambda.DEVELOPER.send(new PublishVersionCommand({ FunctionName: name }));
    const v1 = await lambda.DEVELOPER.send(new InvokeCommand({ FunctionName: name, Qualifier: '1' }));
    expect([json(v1), v1.ExecutedVersion]).toEqual(['one', '1']);
    const v2 = await lambda.DEVELOPER.send(new InvokeCommand({ FunctionName: `${name}:2` }));
    expect([json(v2), v2.ExecutedVersion]).toEqual(['two', '2']);

    await lambda.DEVELOPER.send(
      new CreateAliasCommand({
        FunctionName: name,
        Name: 'live',
        FunctionVersion: '1',
        RoutingConfig: { AdditionalVersionWeights: { '2': 0.3 } },
      }),
    );
    const counts: Record<string, number> = {};
    const runs = 200;
    for (let i = 0; i < runs; i++) {
      const result = await lambda.DEVELOPER.send(new InvokeCommand({ FunctionName: name, Qualifier: 'live' }));
      const version = result.ExecutedVersion ?? '?';
      expect(json(result)).toBe(version === '1' ? 'one' : 'two');
      counts[version] = (counts[version] ?? 0) + 1;
    }
    expect(Object.keys(counts).sort()).toEqual(['1', '2']);
    // 30% of 200: the mean is 60 and the standard deviation 6.5; 30 to 90 is more than four of them either side
    expect(counts['2']).toBeGreaterThanOrEqual(30);
    expect(counts['2']).toBeLessThanOrEqual(90);

    // the extremes are exact
    await lambda.DEVELOPER.send(
      new UpdateAliasCommand({
        FunctionName: name,
        Name: 'live',
        RoutingConfig: { AdditionalVersionWeights: { '2': 1 } },
      }),
    );
    for (let i = 0; i < 10; i++) {
      const all = await lambda.DEVELOPER.send(new InvokeCommand({ FunctionName: `${name}:live` }));
      expect(all.ExecutedVersion).toBe('2');
    }
    await lambda.DEVELOPER.send(new UpdateAliasCommand({ FunctionName: name, Name: 'live', RoutingConfig: {} }));
    const none = await lambda.DEVELOPER.send(new InvokeCommand({ FunctionName: `${name}:live` }));
    expect(none.ExecutedVersion).toBe('1');
  });
});

describe('Invoke (Event and DryRun)', () => {
  let server: http.Server;
  let hits: string[] = [];
  let hitUrl = '';
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      hits.push(req.url ?? '');
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    hitUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('Event answers 202 at once and runs the function in the background; DryRun answers 204 and runs nothing', async () => {
    hits = [];
    const name = uniqueName('event');
    await createFunction(lambda.DEVELOPER, name, {
      Code: {
        ZipFile: source(
          `exports.handler = async (e) => { await new Promise((r) => setTimeout(r, 300)); await fetch(${JSON.stringify(hitUrl)} + "/" + e.id); };`,
        ),
      },
    });
    const event = await lambda.DEVELOPER.send(
      new InvokeCommand({ FunctionName: name, InvocationType: 'Event', Payload: JSON.stringify({ id: 'async-1' }) }),
    );
    expect(event.StatusCode).toBe(202);
    expect(event.Payload?.length ?? 0).toBe(0);
    expect(event.ExecutedVersion).toBeUndefined();
    expect(hits).toEqual([]); // answered before the function finished
    const deadline = Date.now() + 10_000;
    while (!hits.includes('/async-1') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    expect(hits).toEqual(['/async-1']);

    const dryRun = await lambda.DEVELOPER.send(
      new InvokeCommand({ FunctionName: name, InvocationType: 'DryRun', Payload: JSON.stringify({ id: 'dry' }) }),
    );
    expect(dryRun.StatusCode).toBe(204);
    await new Promise((r) => setTimeout(r, 500));
    expect(hits).toEqual(['/async-1']);
  });
});

describe('Invoke errors', () => {
  it('refuses a payload that is not JSON, an unknown function or qualifier, and Viewers', async () => {
    const name = uniqueName('invoke-errors');
    await createFunction(lambda.DEVELOPER, name);
    const invalid = await failure(lambda.DEVELOPER.send(new InvokeCommand({ FunctionName: name, Payload: '{"a":' })));
    expect(invalid).toMatchObject({
      name: 'InvalidRequestContentException',
      message: expect.stringMatching(/^Could not parse request body into json: /),
      status: 400,
    });
    expect(await failure(lambda.DEVELOPER.send(new InvokeCommand({ FunctionName: uniqueName('none') })))).toMatchObject(
      {
        name: 'ResourceNotFoundException',
        status: 404,
      },
    );
    expect(await failure(lambda.DEVELOPER.send(new InvokeCommand({ FunctionName: name, Qualifier: 'nope' })))).toEqual({
      name: 'ResourceNotFoundException',
      message: `Function not found: ${ARN}:${name}:nope`,
      status: 404,
    });
    expect(await failure(lambda.VIEWER.send(new InvokeCommand({ FunctionName: name })))).toMatchObject({
      name: 'AccessDeniedException',
      status: 403,
    });
    expect(
      await failure(
        lambda.DEVELOPER.send(new InvokeCommand({ FunctionName: name, InvocationType: 'Later' as 'Event' })),
      ),
    ).toMatchObject({ name: 'ValidationException', message: expect.stringContaining("at 'invocationType'") });
  });

  it('answers Lambda’s error body to a plain HTTP caller, and refuses a signature for another service', async () => {
    const response = await fetch(`${api().endpoint}/2015-03-31/functions/x/invocations`, { method: 'POST' });
    expect(response.status).toBe(403);
    expect(response.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
    expect(await response.json()).toEqual({
      Type: 'User',
      Message: 'Missing Authentication Token',
      message: 'Missing Authentication Token',
    });

    const { credentials } = await api().client('DEVELOPER');
    const url = new URL(`${api().endpoint}/2015-03-31/functions`);
    const signer = new SignatureV4({
      credentials,
      region: 'us-east-1',
      service: 'apigateway',
      sha256: Hash.bind(null, 'sha256'),
    });
    const signed = await signer.sign(
      new HttpRequest({ method: 'GET', hostname: url.host, path: url.pathname, headers: { host: url.host } }),
    );
    const wrongService = await fetch(url, { headers: signed.headers });
    expect(wrongService.status).toBe(403);
    expect(wrongService.headers.get('x-amzn-errortype')).toBe('InvalidSignatureException');
    expect((await wrongService.json()).message).toBe("Credential should be scoped to correct service: 'lambda'. ");
  });
});
