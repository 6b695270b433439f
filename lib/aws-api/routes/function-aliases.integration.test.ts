// Lambda's versions and aliases through the real @aws-sdk/client-lambda: PublishVersion (and Publish on create and
// code updates), ListVersionsByFunction, deleting versions, and aliases with weighted routing.
import {
  CreateAliasCommand,
  DeleteAliasCommand,
  DeleteFunctionCommand,
  GetAliasCommand,
  GetFunctionCommand,
  ListAliasesCommand,
  ListVersionsByFunctionCommand,
  PublishVersionCommand,
  UpdateAliasCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
} from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';
import { db } from '../../db/client';
import {
  createFunction,
  notificationsDuring,
  source,
  uniqueName,
  withTestFunctions,
} from '../../testing/lambda-functions';
import { sdkFailure as failure, withManagementApi } from '../../testing/management-api';

const { lambda } = withManagementApi(['DEVELOPER', 'VIEWER'] as const);
withTestFunctions();
const ARN = 'arn:aws:lambda:us-east-1:123456789012:function';

/** A function with published versions 1 and 2 (different code). */
async function twoVersions(prefix: string): Promise<string> {
  const name = uniqueName(prefix);
  await createFunction(lambda.DEVELOPER, name, { Publish: true });
  await lambda.DEVELOPER.send(
    new UpdateFunctionCodeCommand({ FunctionName: name, ZipFile: source('exports.handler = async () => 2;') }),
  );
  await lambda.DEVELOPER.send(new PublishVersionCommand({ FunctionName: name }));
  return name;
}

describe('versions', () => {
  it('publishes $LATEST as immutable versions, and publishing unchanged returns the last one', async () => {
    const name = uniqueName('publish');
    const created = await createFunction(lambda.DEVELOPER, name, {
      Publish: true,
      Description: 'v1',
      Environment: { Variables: { STAGE: 'one' } },
    });
    // with Publish, Lambda answers version 1 under the unqualified ARN
    expect(created).toMatchObject({ Version: '1', FunctionArn: `${ARN}:${name}` });

    const again = await lambda.DEVELOPER.send(new PublishVersionCommand({ FunctionName: name }));
    expect(again.$metadata.httpStatusCode).toBe(201);
    expect(again).toMatchObject({ Version: '1', FunctionArn: `${ARN}:${name}:1`, Description: 'v1' });

    await lambda.DEVELOPER.send(
      new UpdateFunctionConfigurationCommand({ FunctionName: name, Environment: { Variables: { STAGE: 'two' } } }),
    );
    const latest = await lambda.DEVELOPER.send(new GetFunctionCommand({ FunctionName: name }));
    expect(
      await failure(
        lambda.DEVELOPER.send(new PublishVersionCommand({ FunctionName: name, CodeSha256: 'bm90IHRoZSBoYXNo' })),
      ),
    ).toEqual({
      name: 'InvalidParameterValueException',
      message: `CodeSHA256 (bm90IHRoZSBoYXNo) is different from current CodeSHA256 in $LATEST (${latest.Configuration?.CodeSha256}). Please try again with the CodeSHA256 in $LATEST.`,
      status: 400,
    });
    const heard = await notificationsDuring(async () => {
      const v2 = await lambda.DEVELOPER.send(
        new PublishVersionCommand({
          FunctionName: name,
          Description: 'second release',
          CodeSha256: latest.Configuration?.CodeSha256,
        }),
      );
      expect(v2).toMatchObject({ Version: '2', Description: 'second release', FunctionArn: `${ARN}:${name}:2` });
    });
    expect(heard).toEqual([{ kind: 'functions', functionName: name }]);

    // versions keep what they were published with
    const v1 = await lambda.DEVELOPER.send(new GetFunctionCommand({ FunctionName: name, Qualifier: '1' }));
    expect(v1.Configuration).toMatchObject({ Version: '1', Environment: { Variables: { STAGE: 'one' } } });
    expect(v1.Configuration?.FunctionArn).toBe(`${ARN}:${name}:1`);
    const listed = await lambda.VIEWER.send(new ListVersionsByFunctionCommand({ FunctionName: name }));
    expect(listed.Versions?.map((v) => [v.Version, v.FunctionArn])).toEqual([
      ['$LATEST', `${ARN}:${name}:$LATEST`],
      ['1', `${ARN}:${name}:1`],
      ['2', `${ARN}:${name}:2`],
    ]);
    expect(listed.Versions?.[1]?.Environment?.Variables).toEqual({ STAGE: '********' });
    const paged = await lambda.VIEWER.send(new ListVersionsByFunctionCommand({ FunctionName: name, MaxItems: 2 }));
    expect(paged.Versions).toHaveLength(2);
    const rest = await lambda.VIEWER.send(
      new ListVersionsByFunctionCommand({ FunctionName: name, Marker: paged.NextMarker }),
    );
    expect(rest.Versions?.map((v) => v.Version)).toEqual(['2']);
    expect(rest.NextMarker).toBeUndefined();
  });

  it('publishes with UpdateFunctionCode’s Publish flag, under the version’s ARN', async () => {
    const name = uniqueName('code-publish');
    await createFunction(lambda.DEVELOPER, name);
    const published = await lambda.DEVELOPER.send(
      new UpdateFunctionCodeCommand({
        FunctionName: name,
        ZipFile: source('exports.handler = async () => 5;'),
        Publish: true,
      }),
    );
    expect(published).toMatchObject({ Version: '1', FunctionArn: `${ARN}:${name}:1` });
  });

  it('deletes a published version, but never $LATEST nor a version an alias uses', async () => {
    const name = await twoVersions('delete-version');
    await lambda.DEVELOPER.send(
      new CreateAliasCommand({
        FunctionName: name,
        Name: 'live',
        FunctionVersion: '1',
        RoutingConfig: { AdditionalVersionWeights: { '2': 0.5 } },
      }),
    );
    for (const version of ['1', '2']) {
      expect(
        await failure(lambda.DEVELOPER.send(new DeleteFunctionCommand({ FunctionName: name, Qualifier: version }))),
      ).toEqual({
        name: 'ResourceConflictException',
        message: 'Unable to delete version because the following aliases reference it: [live]',
        status: 409,
      });
    }
    expect(
      await failure(lambda.DEVELOPER.send(new DeleteFunctionCommand({ FunctionName: name, Qualifier: '$LATEST' }))),
    ).toEqual({
      name: 'InvalidParameterValueException',
      message: '$LATEST version cannot be deleted without deleting the function.',
      status: 400,
    });
    await lambda.DEVELOPER.send(new UpdateAliasCommand({ FunctionName: name, Name: 'live', RoutingConfig: {} }));
    const deleted = await lambda.DEVELOPER.send(new DeleteFunctionCommand({ FunctionName: `${name}:2` }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    const left = await lambda.DEVELOPER.send(new ListVersionsByFunctionCommand({ FunctionName: name }));
    expect(left.Versions?.map((v) => v.Version)).toEqual(['$LATEST', '1']);
    // a version that is not there is nothing to delete
    await lambda.DEVELOPER.send(new DeleteFunctionCommand({ FunctionName: name, Qualifier: '9' }));
    // the next version is 3: a deleted version's number is never used again
    const next = await lambda.DEVELOPER.send(new PublishVersionCommand({ FunctionName: name }));
    expect(next.Version).toBe('3');
  });
});

describe('aliases', () => {
  it('create, get, list, update and delete, with Lambda’s shapes and errors', async () => {
    const name = await twoVersions('alias');
    const created = await lambda.DEVELOPER.send(
      new CreateAliasCommand({ FunctionName: name, Name: 'live', FunctionVersion: '1', Description: 'production' }),
    );
    expect(created.$metadata.httpStatusCode).toBe(201);
    expect(created).toMatchObject({
      AliasArn: `${ARN}:${name}:live`,
      Name: 'live',
      FunctionVersion: '1',
      Description: 'production',
    });
    expect(created.RoutingConfig).toBeUndefined();
    await lambda.DEVELOPER.send(new CreateAliasCommand({ FunctionName: name, Name: 'beta', FunctionVersion: '2' }));
    await lambda.DEVELOPER.send(
      new CreateAliasCommand({ FunctionName: name, Name: 'dev', FunctionVersion: '$LATEST' }),
    );

    expect(await lambda.VIEWER.send(new GetAliasCommand({ FunctionName: name, Name: 'live' }))).toMatchObject({
      Name: 'live',
      RevisionId: created.RevisionId,
    });
    const all = await lambda.VIEWER.send(new ListAliasesCommand({ FunctionName: name }));
    expect(all.Aliases?.map((a) => a.Name)).toEqual(['beta', 'dev', 'live']);
    const onTwo = await lambda.VIEWER.send(new ListAliasesCommand({ FunctionName: name, FunctionVersion: '2' }));
    expect(onTwo.Aliases?.map((a) => a.Name)).toEqual(['beta']);

    const weighted = await lambda.DEVELOPER.send(
      new UpdateAliasCommand({
        FunctionName: name,
        Name: 'live',
        RoutingConfig: { AdditionalVersionWeights: { '2': 0.25 } },
        RevisionId: created.RevisionId,
      }),
    );
    expect(weighted).toMatchObject({
      FunctionVersion: '1',
      RoutingConfig: { AdditionalVersionWeights: { '2': 0.25 } },
    });
    expect(weighted.RevisionId).not.toBe(created.RevisionId);
    const row = await db().functionAlias.findFirstOrThrow({
      where: { name: 'live', function: { functionName: name } },
    });
    expect(row.routingConfig).toEqual({ additionalVersionWeights: { '2': 0.25 } }); // as the gateway reads it
    expect(
      await failure(
        lambda.DEVELOPER.send(
          new UpdateAliasCommand({
            FunctionName: name,
            Name: 'live',
            Description: 'x',
            RevisionId: created.RevisionId,
          }),
        ),
      ),
    ).toMatchObject({ name: 'PreconditionFailedException', status: 412 });

    const deleted = await lambda.DEVELOPER.send(new DeleteAliasCommand({ FunctionName: name, Name: 'beta' }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    expect(await failure(lambda.VIEWER.send(new GetAliasCommand({ FunctionName: name, Name: 'beta' })))).toEqual({
      name: 'ResourceNotFoundException',
      message: `Cannot find alias arn: ${ARN}:${name}:beta`,
      status: 404,
    });
    expect(
      await failure(
        lambda.DEVELOPER.send(new UpdateAliasCommand({ FunctionName: name, Name: 'beta', FunctionVersion: '1' })),
      ),
    ).toMatchObject({ name: 'ResourceNotFoundException', message: `Alias not found: ${ARN}:${name}:beta` });
    expect(
      await failure(
        lambda.VIEWER.send(new CreateAliasCommand({ FunctionName: name, Name: 'x', FunctionVersion: '1' })),
      ),
    ).toMatchObject({ name: 'AccessDeniedException', status: 403 });
  });

  it('refuses what Lambda refuses', async () => {
    const name = await twoVersions('alias-bad');
    await lambda.DEVELOPER.send(new CreateAliasCommand({ FunctionName: name, Name: 'live', FunctionVersion: '1' }));
    const create = (input: { Name?: string; FunctionVersion?: string; weights?: Record<string, number> }) =>
      failure(
        lambda.DEVELOPER.send(
          new CreateAliasCommand({
            FunctionName: name,
            Name: input.Name ?? 'other',
            FunctionVersion: input.FunctionVersion ?? '1',
            ...(input.weights && { RoutingConfig: { AdditionalVersionWeights: input.weights } }),
          }),
        ),
      );
    expect(await create({ Name: 'live' })).toEqual({
      name: 'ResourceConflictException',
      message: `Alias already exists: ${ARN}:${name}:live`,
      status: 409,
    });
    expect(await create({ FunctionVersion: '7' })).toEqual({
      name: 'ResourceNotFoundException',
      message: `Function not found: ${ARN}:${name}:7`,
      status: 404,
    });
    expect(await create({ Name: '123' })).toMatchObject({ name: 'ValidationException' });
    expect(await create({ weights: { '2': 0.1, '3': 0.1 } })).toEqual({
      name: 'InvalidParameterValueException',
      message: 'Number of items in AdditionalVersionWeights cannot be greater than 1',
      status: 400,
    });
    expect(await create({ weights: { '2': 1.5 } })).toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining("Value '{2=1.5}' at 'routingConfig.additionalVersionWeights'"),
    });
    expect(await create({ weights: { '1': 0.5 } })).toMatchObject({
      name: 'InvalidParameterValueException',
      message: 'Invalid function version 1. Function version 1 is already included in routing configuration.',
    });
    expect(await create({ FunctionVersion: '$LATEST', weights: { '2': 0.5 } })).toMatchObject({
      name: 'InvalidParameterValueException',
      message: '$LATEST is not supported for an alias pointing to more than 1 version',
    });
    expect(await create({ weights: { '5': 0.5 } })).toMatchObject({
      name: 'ResourceNotFoundException',
      message: `Function not found: ${ARN}:${name}:5`,
    });
    expect(await db().functionAlias.count({ where: { function: { functionName: name } } })).toBe(1);
  });
});
