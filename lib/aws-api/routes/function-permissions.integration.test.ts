// Lambda's resource-based policies through the real @aws-sdk/client-lambda: AddPermission (as Terraform's
// aws_lambda_permission and SAM call it for API Gateway), GetPolicy, RemovePermission — recorded, not enforced.
import {
  AddPermissionCommand,
  CreateAliasCommand,
  GetPolicyCommand,
  RemovePermissionCommand,
} from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';
import { createFunction, uniqueName, withTestFunctions } from '../../testing/lambda-functions';
import { sdkFailure as failure, withManagementApi } from '../../testing/management-api';

const { lambda } = withManagementApi(['DEVELOPER', 'VIEWER'] as const);
withTestFunctions();
const ARN = 'arn:aws:lambda:us-east-1:123456789012:function';

describe('function permissions', () => {
  it('AddPermission records Lambda’s statement, GetPolicy shows the policy, RemovePermission takes it out', async () => {
    const name = uniqueName('perm');
    const created = await createFunction(lambda.DEVELOPER, name, { Publish: true });
    const sourceArn = 'arn:aws:execute-api:us-east-1:123456789012:abc123/*/GET/pets';
    const added = await lambda.DEVELOPER.send(
      new AddPermissionCommand({
        FunctionName: name,
        StatementId: 'apigateway-get',
        Action: 'lambda:InvokeFunction',
        Principal: 'apigateway.amazonaws.com',
        SourceArn: sourceArn,
      }),
    );
    const statement = {
      Sid: 'apigateway-get',
      Effect: 'Allow',
      Principal: { Service: 'apigateway.amazonaws.com' },
      Action: 'lambda:InvokeFunction',
      Resource: `${ARN}:${name}`,
      Condition: { ArnLike: { 'AWS:SourceArn': sourceArn } },
    };
    expect(JSON.parse(added.Statement as string)).toEqual(statement);
    const policy = await lambda.VIEWER.send(new GetPolicyCommand({ FunctionName: name }));
    expect(JSON.parse(policy.Policy as string)).toEqual({
      Version: '2012-10-17',
      Id: 'default',
      Statement: [statement],
    });

    // The same statement id again: Lambda's conflict. $LATEST takes no policy; an alias takes its own.
    expect(
      await failure(
        lambda.DEVELOPER.send(
          new AddPermissionCommand({
            FunctionName: name,
            StatementId: 'apigateway-get',
            Action: 'lambda:InvokeFunction',
            Principal: 'apigateway.amazonaws.com',
          }),
        ),
      ),
    ).toMatchObject({ name: 'ResourceConflictException', status: 409 });
    expect(
      await failure(
        lambda.DEVELOPER.send(
          new AddPermissionCommand({
            FunctionName: name,
            Qualifier: '$LATEST',
            StatementId: 'latest',
            Action: 'lambda:InvokeFunction',
            Principal: '123456789012',
          }),
        ),
      ),
    ).toMatchObject({
      name: 'InvalidParameterValueException',
      message: 'We currently do not support adding policies for $LATEST.',
    });
    await lambda.DEVELOPER.send(
      new CreateAliasCommand({ FunctionName: name, Name: 'live', FunctionVersion: created.Version }),
    );
    await lambda.DEVELOPER.send(
      new AddPermissionCommand({
        FunctionName: name,
        Qualifier: 'live',
        StatementId: 'account',
        Action: 'lambda:InvokeFunction',
        Principal: '123456789012',
      }),
    );
    const aliasPolicy = JSON.parse(
      (await lambda.DEVELOPER.send(new GetPolicyCommand({ FunctionName: name, Qualifier: 'live' }))).Policy as string,
    );
    expect(aliasPolicy.Statement).toEqual([
      {
        Sid: 'account',
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::123456789012:root' },
        Action: 'lambda:InvokeFunction',
        Resource: `${ARN}:${name}:live`,
      },
    ]);

    // A Viewer may read the policy, not change it.
    expect(
      await failure(
        lambda.VIEWER.send(new RemovePermissionCommand({ FunctionName: name, StatementId: 'apigateway-get' })),
      ),
    ).toMatchObject({ status: 403 });
    await lambda.DEVELOPER.send(new RemovePermissionCommand({ FunctionName: name, StatementId: 'apigateway-get' }));
    expect(await failure(lambda.DEVELOPER.send(new GetPolicyCommand({ FunctionName: name })))).toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'The resource you requested does not exist.',
      status: 404,
    });
    expect(
      await failure(lambda.DEVELOPER.send(new RemovePermissionCommand({ FunctionName: name, StatementId: 'gone' }))),
    ).toMatchObject({ name: 'ResourceNotFoundException', message: 'Statement gone is not found in resource policy.' });
  });
});
