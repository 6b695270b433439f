// Authorizers through the real AWS SDK over HTTP, with AWS's error names and messages.
import {
  CreateAuthorizerCommand,
  type CreateAuthorizerCommandInput,
  CreateRestApiCommand,
  DeleteAuthorizerCommand,
  DeleteMethodCommand,
  GetAuthorizerCommand,
  GetAuthorizersCommand,
  PutMethodCommand,
  TestInvokeAuthorizerCommand,
  UpdateAuthorizerCommand,
} from '@aws-sdk/client-api-gateway';
import { describe, expect, it } from 'vitest';
import { db } from '../../db/client';
import { sdkFailure as failure, withManagementApi } from '../../testing/management-api';

const { clients } = withManagementApi(['DEVELOPER', 'VIEWER'] as const);

const FUNCTION_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:auth';
const URI = `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${FUNCTION_ARN}/invocations`;
const POOL = 'arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abcdEFGH';
const POOL2 = 'arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_ijklMNOP';

async function newApi(name: string) {
  const created = await clients.DEVELOPER.send(new CreateRestApiCommand({ name }));
  return { restApiId: created.id as string, rootResourceId: created.rootResourceId as string };
}

const token = (restApiId: string, name: string): CreateAuthorizerCommandInput => ({
  restApiId,
  name,
  type: 'TOKEN',
  authorizerUri: URI,
  identitySource: 'method.request.header.Authorization',
});

describe('Authorizers', () => {
  it('create, get, list, update and delete', async () => {
    const { restApiId } = await newApi('Authorizers');
    const created = await clients.DEVELOPER.send(
      new CreateAuthorizerCommand({ ...token(restApiId, 'tok'), identityValidationExpression: '^Bearer .+$' }),
    );
    expect(created.$metadata.httpStatusCode).toBe(201);
    expect(created.id).toMatch(/^[a-z0-9]{6}$/);
    expect(created).toMatchObject({
      name: 'tok',
      type: 'TOKEN',
      authorizerUri: URI,
      identitySource: 'method.request.header.Authorization',
      identityValidationExpression: '^Bearer .+$',
      authorizerResultTtlInSeconds: 300,
    });
    const request = await clients.DEVELOPER.send(
      new CreateAuthorizerCommand({
        restApiId,
        name: 'req',
        type: 'REQUEST',
        authorizerUri: URI,
        identitySource:
          'method.request.header.X-Key, method.request.querystring.key, stageVariables.s, context.sourceIp',
        authorizerResultTtlInSeconds: 0,
        authorizerCredentials: 'arn:aws:iam::123456789012:role/invoker',
      }),
    );
    expect(request).toMatchObject({ type: 'REQUEST', authorizerResultTtlInSeconds: 0 });
    const cognito = await clients.DEVELOPER.send(
      new CreateAuthorizerCommand({
        restApiId,
        name: 'pool',
        type: 'COGNITO_USER_POOLS',
        providerARNs: [POOL],
        identitySource: 'method.request.header.Authorization',
      }),
    );
    expect(cognito).toMatchObject({ type: 'COGNITO_USER_POOLS', providerARNs: [POOL] });

    const listed = await clients.VIEWER.send(new GetAuthorizersCommand({ restApiId }));
    expect(listed.items?.map((a) => a.name)).toEqual(['pool', 'req', 'tok']);
    expect(await clients.VIEWER.send(new GetAuthorizerCommand({ restApiId, authorizerId: created.id }))).toMatchObject({
      id: created.id,
      name: 'tok',
    });

    const updated = await clients.DEVELOPER.send(
      new UpdateAuthorizerCommand({
        restApiId,
        authorizerId: created.id,
        patchOperations: [
          { op: 'replace', path: '/name', value: 'token2' },
          { op: 'replace', path: '/authorizerResultTtlInSeconds', value: '60' },
          { op: 'replace', path: '/identitySource', value: 'method.request.header.X-Token' },
          { op: 'remove', path: '/identityValidationExpression' },
        ],
      }),
    );
    expect(updated).toMatchObject({
      name: 'token2',
      authorizerResultTtlInSeconds: 60,
      identitySource: 'method.request.header.X-Token',
    });
    expect(updated.identityValidationExpression).toBeUndefined();

    const pools = await clients.DEVELOPER.send(
      new UpdateAuthorizerCommand({
        restApiId,
        authorizerId: cognito.id,
        patchOperations: [{ op: 'add', path: `/providerARNs/${POOL2}` }],
      }),
    );
    expect(pools.providerARNs).toEqual([POOL, POOL2]);
    const replaced = await clients.DEVELOPER.send(
      new UpdateAuthorizerCommand({
        restApiId,
        authorizerId: cognito.id,
        patchOperations: [{ op: 'remove', path: `/providerARNs/${POOL}` }],
      }),
    );
    expect(replaced.providerARNs).toEqual([POOL2]);

    const deleted = await clients.DEVELOPER.send(new DeleteAuthorizerCommand({ restApiId, authorizerId: request.id }));
    expect(deleted.$metadata.httpStatusCode).toBe(202);
    expect(
      await failure(clients.DEVELOPER.send(new GetAuthorizerCommand({ restApiId, authorizerId: request.id }))),
    ).toEqual({
      name: 'NotFoundException',
      message: 'Invalid Authorizer identifier specified',
      status: 404,
    });

    const audits = await db().auditLog.findMany({
      where: { targetType: 'Authorizer', targetId: { in: [created.id as string, request.id as string] } },
    });
    expect(audits.map((a) => a.action).sort()).toEqual([
      'create-authorizer',
      'create-authorizer',
      'delete-authorizer',
      'update-authorizer',
    ]);
  });

  it('refuses invalid authorizers with AWS’s messages', async () => {
    const { restApiId } = await newApi('Authorizer validation');
    expect(await failure(clients.DEVELOPER.send(new CreateAuthorizerCommand(token('nope000000', 'a'))))).toEqual({
      name: 'NotFoundException',
      message: 'Invalid API identifier specified 123456789012:nope000000',
      status: 404,
    });
    expect(
      await failure(
        clients.DEVELOPER.send(new CreateAuthorizerCommand({ ...token(restApiId, 'a'), authorizerUri: undefined })),
      ),
    ).toEqual({
      name: 'BadRequestException',
      message:
        'Invalid Authorizer URI: null. Authorizer URI should be a valid API Gateway ARN that represents a Lambda function invocation.',
      status: 400,
    });
    expect(
      await failure(
        clients.DEVELOPER.send(
          new CreateAuthorizerCommand({ ...token(restApiId, 'a'), authorizerUri: 'https://example.com' }),
        ),
      ),
    ).toMatchObject({ name: 'BadRequestException', status: 400 });
    expect(
      await failure(
        clients.DEVELOPER.send(
          new CreateAuthorizerCommand({ ...token(restApiId, 'a'), identitySource: 'method.request.querystring.key' }),
        ),
      ),
    ).toEqual({
      name: 'BadRequestException',
      message:
        "Invalid token source expression: method.request.querystring.key. The source must be a method request header, matching 'method.request.header.[a-zA-Z0-9._-]+'.",
      status: 400,
    });
    expect(
      await failure(
        clients.DEVELOPER.send(new CreateAuthorizerCommand({ ...token(restApiId, 'a'), identitySource: undefined })),
      ),
    ).toMatchObject({ name: 'BadRequestException', status: 400 });
    expect(
      await failure(
        clients.DEVELOPER.send(
          new CreateAuthorizerCommand({
            ...token(restApiId, 'a'),
            type: 'REQUEST',
            identitySource: 'method.request.path.id',
          }),
        ),
      ),
    ).toMatchObject({ name: 'BadRequestException', status: 400 });
    expect(
      await failure(
        clients.DEVELOPER.send(
          new CreateAuthorizerCommand({ ...token(restApiId, 'a'), type: 'REQUEST', identitySource: undefined }),
        ),
      ),
    ).toMatchObject({ name: 'BadRequestException', status: 400 });
    expect(
      await failure(
        clients.DEVELOPER.send(
          new CreateAuthorizerCommand({ ...token(restApiId, 'a'), authorizerResultTtlInSeconds: 3601 }),
        ),
      ),
    ).toMatchObject({ name: 'BadRequestException', status: 400 });
    expect(
      await failure(
        clients.DEVELOPER.send(
          new CreateAuthorizerCommand({
            restApiId,
            name: 'a',
            type: 'COGNITO_USER_POOLS',
            identitySource: 'method.request.header.Authorization',
          }),
        ),
      ),
    ).toMatchObject({ name: 'BadRequestException', status: 400 });
    expect(
      await failure(
        clients.DEVELOPER.send(new CreateAuthorizerCommand({ ...token(restApiId, 'a'), type: 'JWT' as 'TOKEN' })),
      ),
    ).toMatchObject({ name: 'BadRequestException', status: 400 });
    expect(await clients.DEVELOPER.send(new GetAuthorizersCommand({ restApiId }))).toMatchObject({ items: [] });

    await clients.DEVELOPER.send(new CreateAuthorizerCommand(token(restApiId, 'dup')));
    expect(await failure(clients.DEVELOPER.send(new CreateAuthorizerCommand(token(restApiId, 'dup'))))).toMatchObject({
      name: 'ConflictException',
      status: 409,
    });
  });

  it('allows at most 10 authorizers per API', async () => {
    const { restApiId } = await newApi('Authorizer limit');
    for (let i = 0; i < 10; i++) await clients.DEVELOPER.send(new CreateAuthorizerCommand(token(restApiId, `a${i}`)));
    expect(await failure(clients.DEVELOPER.send(new CreateAuthorizerCommand(token(restApiId, 'a10'))))).toMatchObject({
      name: 'LimitExceededException',
      status: 429,
    });
    const page = await clients.DEVELOPER.send(new GetAuthorizersCommand({ restApiId, limit: 4 }));
    expect(page.items).toHaveLength(4);
    expect(page.position).toBeDefined();
  });

  it('an invalid patch changes nothing', async () => {
    const { restApiId } = await newApi('Authorizer patches');
    const created = await clients.DEVELOPER.send(new CreateAuthorizerCommand(token(restApiId, 'tok')));
    const patch = (patchOperations: { op: 'add' | 'replace' | 'remove'; path: string; value?: string }[]) =>
      failure(
        clients.DEVELOPER.send(new UpdateAuthorizerCommand({ restApiId, authorizerId: created.id, patchOperations })),
      );
    expect(
      await patch([
        { op: 'replace', path: '/name', value: 'renamed' },
        { op: 'replace', path: '/nonsense', value: 'x' },
      ]),
    ).toEqual({ name: 'BadRequestException', message: 'Invalid patch path /nonsense', status: 400 });
    expect(
      await patch([
        { op: 'replace', path: '/name', value: 'renamed' },
        { op: 'replace', path: '/authorizerResultTtlInSeconds', value: '5000' },
      ]),
    ).toMatchObject({ name: 'BadRequestException', status: 400 });
    // the complete new state is checked: a COGNITO_USER_POOLS authorizer needs provider ARNs
    expect(await patch([{ op: 'replace', path: '/type', value: 'COGNITO_USER_POOLS' }])).toMatchObject({
      name: 'BadRequestException',
      status: 400,
    });
    expect(await patch([{ op: 'remove', path: '/authorizerUri' }])).toMatchObject({
      name: 'BadRequestException',
      status: 400,
    });
    expect(
      await failure(
        clients.DEVELOPER.send(
          new UpdateAuthorizerCommand({
            restApiId,
            authorizerId: 'nope00',
            patchOperations: [{ op: 'replace', path: '/name', value: 'x' }],
          }),
        ),
      ),
    ).toEqual({ name: 'NotFoundException', message: 'Invalid Authorizer identifier specified', status: 404 });
    expect(
      await clients.DEVELOPER.send(new GetAuthorizerCommand({ restApiId, authorizerId: created.id })),
    ).toMatchObject({
      name: 'tok',
      authorizerResultTtlInSeconds: 300,
      type: 'TOKEN',
      authorizerUri: URI,
    });
  });

  it('refuses to delete an authorizer a method uses', async () => {
    const { restApiId, rootResourceId } = await newApi('Authorizer in use');
    const created = await clients.DEVELOPER.send(new CreateAuthorizerCommand(token(restApiId, 'guard')));
    await clients.DEVELOPER.send(
      new PutMethodCommand({
        restApiId,
        resourceId: rootResourceId,
        httpMethod: 'GET',
        authorizationType: 'CUSTOM',
        authorizerId: created.id,
      }),
    );
    expect(
      await failure(clients.DEVELOPER.send(new DeleteAuthorizerCommand({ restApiId, authorizerId: created.id }))),
    ).toEqual({
      name: 'ConflictException',
      message: "Cannot delete authorizer 'guard', is referenced in method: GET//",
      status: 409,
    });
    await clients.DEVELOPER.send(new DeleteMethodCommand({ restApiId, resourceId: rootResourceId, httpMethod: 'GET' }));
    await clients.DEVELOPER.send(new DeleteAuthorizerCommand({ restApiId, authorizerId: created.id }));
  });

  it('TestInvokeAuthorizer answers a Lambda authorizer whose function does not exist with the 500 the gateway gives; a Viewer may not run it', async () => {
    const { restApiId } = await newApi('Test invoke');
    const created = await clients.DEVELOPER.send(new CreateAuthorizerCommand(token(restApiId, 'tok')));
    const result = await clients.DEVELOPER.send(
      new TestInvokeAuthorizerCommand({ restApiId, authorizerId: created.id, headers: { Authorization: 'allow' } }),
    );
    expect(result.clientStatus).toBe(500);
    expect(result.log).toContain('Authorizer function not found');
    expect(
      await failure(clients.VIEWER.send(new TestInvokeAuthorizerCommand({ restApiId, authorizerId: created.id }))),
    ).toMatchObject({ name: 'AccessDeniedException', status: 403 });
    expect(
      await failure(clients.DEVELOPER.send(new TestInvokeAuthorizerCommand({ restApiId, authorizerId: 'nope00' }))),
    ).toMatchObject({ name: 'NotFoundException', message: 'Invalid Authorizer identifier specified', status: 404 });
  });

  it('a Viewer is refused writes', async () => {
    const { restApiId } = await newApi('Viewer authorizers');
    expect(await failure(clients.VIEWER.send(new CreateAuthorizerCommand(token(restApiId, 'x'))))).toMatchObject({
      name: 'AccessDeniedException',
      status: 403,
    });
  });
});
