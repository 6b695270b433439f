// Lambda's functions API through the real @aws-sdk/client-lambda over HTTP: create, get, list, update and delete,
// with Lambda's error names and messages, Viewers' masked environment, and the environment encrypted at rest.
import {
  DeleteFunctionCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  ListFunctionsCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
} from '@aws-sdk/client-lambda';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decryptSecret } from '../../crypto/secrets';
import { db } from '../../db/client';
import { codeSha256 } from '../../functions/code-package';
import {
  createFunction,
  notificationsDuring,
  ROLE,
  source,
  uniqueName,
  withTestFunctions,
} from '../../testing/lambda-functions';
import { sdkFailure as failure, withManagementApi } from '../../testing/management-api';

const { lambda } = withManagementApi(['DEVELOPER', 'VIEWER'] as const);
withTestFunctions();
const ARN = 'arn:aws:lambda:us-east-1:123456789012:function';
const LAMBDA_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/;

describe('CreateFunction and GetFunction', () => {
  it('creates a function from a single source file and answers Lambda’s configuration', async () => {
    const name = uniqueName('create');
    const code = source('exports.handler = async () => 1;');
    const created = await createFunction(lambda.DEVELOPER, name, {
      Code: { ZipFile: code },
      Description: 'first',
      Timeout: 10,
      MemorySize: 256,
      Environment: { Variables: { GREETING: 'hello', DB_PASSWORD: 's3cret' } },
    });
    expect(created.$metadata.httpStatusCode).toBe(201);
    expect(created).toMatchObject({
      FunctionName: name,
      FunctionArn: `${ARN}:${name}`,
      Runtime: 'nodejs20.x',
      Role: ROLE,
      Handler: 'index.handler',
      CodeSize: code.length,
      CodeSha256: codeSha256(code),
      Description: 'first',
      Timeout: 10,
      MemorySize: 256,
      Version: '$LATEST',
      Environment: { Variables: { GREETING: 'hello', DB_PASSWORD: 's3cret' } },
      State: 'Active',
      LastUpdateStatus: 'Successful',
      PackageType: 'Zip',
      Architectures: ['x86_64'],
      TracingConfig: { Mode: 'PassThrough' },
    });
    expect(created.LastModified).toMatch(LAMBDA_DATE);
    expect(created.RevisionId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);

    const got = await lambda.DEVELOPER.send(new GetFunctionCommand({ FunctionName: name }));
    expect(got.Configuration).toEqual(
      expect.objectContaining({
        FunctionName: name,
        RevisionId: created.RevisionId,
        LastModified: created.LastModified,
      }),
    );
    expect(got.Code).toEqual({ RepositoryType: 'Portico' });
    // by ARN and partial ARN, and the configuration alone
    const byArn = await lambda.DEVELOPER.send(new GetFunctionConfigurationCommand({ FunctionName: `${ARN}:${name}` }));
    expect(byArn.FunctionName).toBe(name);
    const byPartial = await lambda.DEVELOPER.send(
      new GetFunctionConfigurationCommand({ FunctionName: `123456789012:function:${name}`, Qualifier: '$LATEST' }),
    );
    expect(byPartial.FunctionArn).toBe(`${ARN}:${name}:$LATEST`);
  });

  it('takes a zip package, and defaults Timeout to 3 and MemorySize to 128', async () => {
    const name = uniqueName('zip');
    const zip = zipSync({ 'src/app.js': source('exports.main = async () => 1;') });
    const created = await createFunction(lambda.DEVELOPER, name, { Handler: 'src/app.main', Code: { ZipFile: zip } });
    expect(created).toMatchObject({ Handler: 'src/app.main', CodeSize: zip.length, Timeout: 3, MemorySize: 128 });
    expect(created.Environment).toBeUndefined();
  });

  it('refuses a name taken, bad settings and packages with Lambda’s errors, creating nothing', async () => {
    const name = uniqueName('dup');
    await createFunction(lambda.DEVELOPER, name);
    expect(await failure(createFunction(lambda.DEVELOPER, name))).toEqual({
      name: 'ResourceConflictException',
      message: `Function already exist: ${name}`,
      status: 409,
    });
    const other = uniqueName('bad');
    expect(await failure(createFunction(lambda.DEVELOPER, other, { Timeout: 1000, MemorySize: 64 }))).toEqual({
      name: 'ValidationException',
      message:
        "2 validation errors detected: Value '1000' at 'timeout' failed to satisfy constraint: Member must have value less than or equal to 900; Value '64' at 'memorySize' failed to satisfy constraint: Member must have value greater than or equal to 128",
      status: 400,
    });
    expect(await failure(createFunction(lambda.DEVELOPER, other, { Role: 'admin' }))).toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining("Value 'admin' at 'role' failed to satisfy constraint"),
    });
    expect(await failure(createFunction(lambda.DEVELOPER, other, { Runtime: 'python3.12' }))).toEqual({
      name: 'InvalidParameterValueException',
      message:
        "Value python3.12 at 'runtime' failed to satisfy constraint: Member must satisfy enum value set: [nodejs18.x, nodejs20.x, nodejs22.x] or be a valid ARN",
      status: 400,
    });
    expect(await failure(createFunction(lambda.DEVELOPER, other, { Handler: undefined }))).toMatchObject({
      name: 'InvalidParameterValueException',
      message: 'Runtime and Handler are mandatory parameters for functions created with deployment packages.',
    });
    expect(await failure(createFunction(lambda.DEVELOPER, 'not a name'))).toMatchObject({
      name: 'ValidationException',
      message: expect.stringMatching(/^1 validation error detected: Value 'not a name' at 'functionName'/),
    });
    const brokenZip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    expect(await failure(createFunction(lambda.DEVELOPER, other, { Code: { ZipFile: brokenZip } }))).toEqual({
      name: 'InvalidParameterValueException',
      message: 'Could not unzip uploaded file. Please check your file, then try to upload again.',
      status: 400,
    });
    expect(
      await failure(createFunction(lambda.DEVELOPER, other, { Code: { S3Bucket: 'b', S3Key: 'k.zip' } })),
    ).toMatchObject({ name: 'InvalidParameterValueException' });
    expect(await db().function.findUnique({ where: { functionName: other } })).toBeNull();
  });

  it('checks environment variables as Lambda does, never echoing their values', async () => {
    const name = uniqueName('env');
    const reserved = await failure(
      createFunction(lambda.DEVELOPER, name, { Environment: { Variables: { AWS_REGION: 'x', OK_NAME: 'y' } } }),
    );
    expect(reserved).toEqual({
      name: 'InvalidParameterValueException',
      message:
        'Lambda was unable to configure your environment variables because the environment variables you have provided contains reserved keys that are currently not supported for modification. Reserved keys used in this request: AWS_REGION',
      status: 400,
    });
    const badName = await failure(
      createFunction(lambda.DEVELOPER, name, { Environment: { Variables: { 'MY-VAR': 'secret-value' } } }),
    );
    expect(badName.name).toBe('ValidationException');
    expect(badName.message).toContain("Value at 'environment.variables' failed to satisfy constraint");
    expect(badName.message).not.toContain('secret-value');
    const tooBig = await failure(
      createFunction(lambda.DEVELOPER, name, { Environment: { Variables: { BIG: 'x'.repeat(4100) } } }),
    );
    expect(tooBig).toMatchObject({ name: 'InvalidParameterValueException', message: expect.stringContaining('4KB') });
    // the permission model's flags must not reach the function's Node.js
    const permissionFlag = await failure(
      createFunction(lambda.DEVELOPER, name, { Environment: { Variables: { NODE_OPTIONS: '--allow-fs-read=*' } } }),
    );
    expect(permissionFlag.name).toBe('InvalidParameterValueException');
    await createFunction(lambda.DEVELOPER, name, {
      Environment: { Variables: { NODE_OPTIONS: '--enable-source-maps' } },
    });
  });

  it('stores the environment encrypted, and audits and notifies without its values', async () => {
    const name = uniqueName('sealed');
    const heard = await notificationsDuring(() =>
      createFunction(lambda.DEVELOPER, name, { Environment: { Variables: { API_TOKEN: 'plain-text-token' } } }),
    );
    expect(heard).toEqual([{ kind: 'functions', functionName: name }]);
    const fn = await db().function.findUniqueOrThrow({ where: { functionName: name }, include: { versions: true } });
    const sealed = fn.versions[0]?.environmentEncrypted ?? '';
    expect(sealed).not.toContain('plain-text-token');
    expect(Buffer.from(sealed.split(':').pop() ?? '', 'base64url').toString('latin1')).not.toContain('plain-text');
    expect(JSON.parse(decryptSecret(sealed))).toEqual({ API_TOKEN: 'plain-text-token' });
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: 'create-function', targetId: name } });
    expect(JSON.stringify(audit.after)).not.toContain('plain-text-token');
    expect(audit.after).toMatchObject({ Environment: { Variables: { API_TOKEN: '********' } } });
  });

  it('answers Lambda’s not-found errors, qualified as asked', async () => {
    const name = uniqueName('missing');
    expect(await failure(lambda.VIEWER.send(new GetFunctionCommand({ FunctionName: name })))).toEqual({
      name: 'ResourceNotFoundException',
      message: `Function not found: ${ARN}:${name}`,
      status: 404,
    });
    await createFunction(lambda.DEVELOPER, name);
    expect(
      await failure(lambda.VIEWER.send(new GetFunctionConfigurationCommand({ FunctionName: name, Qualifier: '7' }))),
    ).toEqual({ name: 'ResourceNotFoundException', message: `Function not found: ${ARN}:${name}:7`, status: 404 });
    expect(
      await failure(lambda.VIEWER.send(new GetFunctionCommand({ FunctionName: `${name}:1`, Qualifier: '2' }))),
    ).toEqual({
      name: 'InvalidParameterValueException',
      message: 'The derived qualifier from the function name does not match the specified qualifier.',
      status: 400,
    });
    expect(
      await failure(lambda.DEVELOPER.send(new UpdateFunctionConfigurationCommand({ FunctionName: uniqueName('no') }))),
    ).toMatchObject({ name: 'ResourceNotFoundException', status: 404 });
  });
});

describe('Viewers', () => {
  it('read functions with environment values masked, and may not change them', async () => {
    const name = uniqueName('viewer');
    await createFunction(lambda.DEVELOPER, name, { Environment: { Variables: { SECRET_KEY: 'abc123' } } });
    const seen = await lambda.VIEWER.send(new GetFunctionConfigurationCommand({ FunctionName: name }));
    expect(seen.Environment?.Variables).toEqual({ SECRET_KEY: '********' });
    const listed = await lambda.VIEWER.send(new ListFunctionsCommand({}));
    expect(JSON.stringify(listed.Functions)).not.toContain('abc123');
    for (const attempt of [
      () => createFunction(lambda.VIEWER, uniqueName('viewer')),
      () => lambda.VIEWER.send(new UpdateFunctionConfigurationCommand({ FunctionName: name, Timeout: 5 })),
      () => lambda.VIEWER.send(new DeleteFunctionCommand({ FunctionName: name })),
    ]) {
      expect(await failure(attempt())).toMatchObject({ name: 'AccessDeniedException', status: 403 });
    }
  });
});

describe('ListFunctions', () => {
  it('lists $LATEST configurations by name, paged by Marker and MaxItems', async () => {
    const prefix = uniqueName('list');
    for (const n of [3, 1, 2]) await createFunction(lambda.DEVELOPER, `${prefix}-${n}`);
    const all = [];
    let marker: string | undefined;
    do {
      const page = await lambda.VIEWER.send(new ListFunctionsCommand({ MaxItems: 2, Marker: marker }));
      expect(page.Functions?.length).toBeLessThanOrEqual(2);
      all.push(...(page.Functions ?? []));
      marker = page.NextMarker;
    } while (marker);
    const mine = all.filter((f) => f.FunctionName?.startsWith(prefix));
    expect(mine.map((f) => f.FunctionName)).toEqual([`${prefix}-1`, `${prefix}-2`, `${prefix}-3`]);
    expect(mine[0]).toMatchObject({ Version: '$LATEST', FunctionArn: `${ARN}:${prefix}-1` });
    expect(mine[0]?.State).toBeUndefined(); // lists leave out the state fields, as Lambda's do
    expect(await failure(lambda.VIEWER.send(new ListFunctionsCommand({ MaxItems: 0 })))).toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining("at 'maxItems'"),
    });
  });
});

describe('UpdateFunctionConfiguration and UpdateFunctionCode', () => {
  it('change $LATEST, with a new revision and LastModified each time, and RevisionId as a precondition', async () => {
    const name = uniqueName('update');
    const created = await createFunction(lambda.DEVELOPER, name, { Environment: { Variables: { KEEP: 'no' } } });
    const updated = await lambda.DEVELOPER.send(
      new UpdateFunctionConfigurationCommand({
        FunctionName: name,
        Description: 'second',
        Timeout: 30,
        MemorySize: 512,
        Handler: 'main.run',
        Runtime: 'nodejs22.x',
        Environment: { Variables: { NEW_VAR: 'yes' } },
        RevisionId: created.RevisionId,
      }),
    );
    expect(updated).toMatchObject({
      Description: 'second',
      Timeout: 30,
      MemorySize: 512,
      Handler: 'main.run',
      Runtime: 'nodejs22.x',
      Environment: { Variables: { NEW_VAR: 'yes' } },
      CodeSha256: created.CodeSha256,
    });
    expect(updated.RevisionId).not.toBe(created.RevisionId);
    expect(Date.parse(updated.LastModified ?? '')).toBeGreaterThan(Date.parse(created.LastModified ?? '') - 1);
    expect(
      await failure(
        lambda.DEVELOPER.send(
          new UpdateFunctionConfigurationCommand({ FunctionName: name, Timeout: 5, RevisionId: created.RevisionId }),
        ),
      ),
    ).toMatchObject({ name: 'PreconditionFailedException', status: 412 });
    // the console's list reads the function row: kept in step
    const row = await db().function.findUniqueOrThrow({ where: { functionName: name } });
    expect(row).toMatchObject({ description: 'second', handler: 'main.run', runtime: 'nodejs22.x', timeout: 30 });

    const cleared = await lambda.DEVELOPER.send(
      new UpdateFunctionConfigurationCommand({ FunctionName: name, Environment: {} }),
    );
    expect(cleared.Environment).toBeUndefined();

    const code = source('exports.handler = async () => 2;');
    const recoded = await lambda.DEVELOPER.send(new UpdateFunctionCodeCommand({ FunctionName: name, ZipFile: code }));
    expect(recoded).toMatchObject({ CodeSha256: codeSha256(code), CodeSize: code.length, Version: '$LATEST' });
    expect(recoded.FunctionArn).toBe(`${ARN}:${name}`);
    const dryRun = await lambda.DEVELOPER.send(
      new UpdateFunctionCodeCommand({ FunctionName: name, ZipFile: source('exports.handler = 3;'), DryRun: true }),
    );
    expect(dryRun.CodeSha256).toBe(codeSha256(code));
    expect(
      await failure(
        lambda.DEVELOPER.send(new UpdateFunctionConfigurationCommand({ FunctionName: `${name}:1`, Timeout: 5 })),
      ),
    ).toMatchObject({ name: 'ValidationException' });
  });
});

describe('DeleteFunction', () => {
  it('deletes the function with its versions and aliases (204), then it is not found', async () => {
    const name = uniqueName('delete');
    await createFunction(lambda.DEVELOPER, name, { Publish: true });
    const deleted = await lambda.DEVELOPER.send(new DeleteFunctionCommand({ FunctionName: name }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    expect(await failure(lambda.DEVELOPER.send(new GetFunctionCommand({ FunctionName: name })))).toMatchObject({
      name: 'ResourceNotFoundException',
    });
    expect(await db().functionVersion.count({ where: { function: { functionName: name } } })).toBe(0);
    expect(await failure(lambda.DEVELOPER.send(new DeleteFunctionCommand({ FunctionName: name })))).toEqual({
      name: 'ResourceNotFoundException',
      message: `Function not found: ${ARN}:${name}`,
      status: 404,
    });
  });
});
