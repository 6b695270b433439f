// RequestValidators through the real AWS SDK over HTTP, with AWS's error names and messages.
import {
  CreateRequestValidatorCommand,
  CreateRestApiCommand,
  DeleteMethodCommand,
  DeleteRequestValidatorCommand,
  GetRequestValidatorCommand,
  GetRequestValidatorsCommand,
  PutMethodCommand,
  UpdateRequestValidatorCommand,
} from '@aws-sdk/client-api-gateway';
import { describe, expect, it } from 'vitest';
import { db } from '../../db/client';
import { sdkFailure as failure, withManagementApi } from '../../testing/management-api';

const { clients } = withManagementApi(['DEVELOPER', 'VIEWER'] as const);

async function newApi(name: string) {
  const created = await clients.DEVELOPER.send(new CreateRestApiCommand({ name }));
  return { restApiId: created.id as string, rootResourceId: created.rootResourceId as string };
}

const NOT_FOUND = { name: 'NotFoundException', message: 'Invalid Request Validator identifier specified', status: 404 };

describe('Request validators', () => {
  it('create, get, list, update and delete', async () => {
    const { restApiId } = await newApi('Validators');
    const created = await clients.DEVELOPER.send(new CreateRequestValidatorCommand({ restApiId, name: 'body-only' }));
    expect(created.$metadata.httpStatusCode).toBe(201);
    expect(created).toMatchObject({ name: 'body-only', validateRequestBody: false, validateRequestParameters: false });
    expect(created.id).toMatch(/^[a-z0-9]{6}$/);
    await clients.DEVELOPER.send(
      new CreateRequestValidatorCommand({
        restApiId,
        name: 'all',
        validateRequestBody: true,
        validateRequestParameters: true,
      }),
    );

    expect(
      (await clients.VIEWER.send(new GetRequestValidatorsCommand({ restApiId }))).items?.map((v) => v.name),
    ).toEqual(['all', 'body-only']);
    expect(
      await clients.VIEWER.send(new GetRequestValidatorCommand({ restApiId, requestValidatorId: created.id })),
    ).toMatchObject({ id: created.id, name: 'body-only' });

    const withValue = await clients.DEVELOPER.send(
      new UpdateRequestValidatorCommand({
        restApiId,
        requestValidatorId: created.id,
        patchOperations: [
          { op: 'replace', path: '/validateRequestBody', value: 'true' },
          { op: 'replace', path: '/name', value: 'renamed' },
        ],
      }),
    );
    expect(withValue).toMatchObject({ name: 'renamed', validateRequestBody: true, validateRequestParameters: false });
    const withoutValue = await clients.DEVELOPER.send(
      new UpdateRequestValidatorCommand({
        restApiId,
        requestValidatorId: created.id,
        patchOperations: [{ op: 'replace', path: '/validateRequestBody' }],
      }),
    );
    expect(withoutValue.validateRequestBody).toBe(false);

    const deleted = await clients.DEVELOPER.send(
      new DeleteRequestValidatorCommand({ restApiId, requestValidatorId: created.id }),
    );
    expect(deleted.$metadata.httpStatusCode).toBe(202);
    expect(
      await failure(
        clients.DEVELOPER.send(new GetRequestValidatorCommand({ restApiId, requestValidatorId: created.id })),
      ),
    ).toEqual(NOT_FOUND);

    const audits = await db().auditLog.findMany({
      where: { targetType: 'RequestValidator', targetId: created.id as string },
    });
    expect(audits.map((a) => a.action).sort()).toEqual([
      'create-request-validator',
      'delete-request-validator',
      'update-request-validator',
      'update-request-validator',
    ]);
  });

  it('answers unknown APIs and validators as AWS does', async () => {
    const { restApiId } = await newApi('Unknown validators');
    expect(
      await failure(
        clients.DEVELOPER.send(new CreateRequestValidatorCommand({ restApiId: 'test-fake-rest-id', name: 'v' })),
      ),
    ).toEqual({ name: 'BadRequestException', message: 'Invalid REST API identifier specified', status: 400 });
    expect(await failure(clients.DEVELOPER.send(new GetRequestValidatorsCommand({ restApiId: 'api_id' })))).toEqual({
      name: 'NotFoundException',
      message: 'Invalid API identifier specified 123456789012:api_id',
      status: 404,
    });
    expect(
      await failure(
        clients.DEVELOPER.send(new GetRequestValidatorCommand({ restApiId: 'api_id', requestValidatorId: 'abc123' })),
      ),
    ).toEqual(NOT_FOUND);
    expect(
      await failure(
        clients.DEVELOPER.send(new GetRequestValidatorCommand({ restApiId, requestValidatorId: 'validator_id' })),
      ),
    ).toEqual(NOT_FOUND);
    expect(
      await failure(
        clients.DEVELOPER.send(new DeleteRequestValidatorCommand({ restApiId, requestValidatorId: 'validator_id' })),
      ),
    ).toEqual(NOT_FOUND);
    expect(await failure(clients.DEVELOPER.send(new CreateRequestValidatorCommand({ restApiId, name: ' ' })))).toEqual({
      name: 'BadRequestException',
      message: 'Request Validator name cannot be blank',
      status: 400,
    });
    await clients.DEVELOPER.send(new CreateRequestValidatorCommand({ restApiId, name: 'dup' }));
    expect(
      await failure(clients.DEVELOPER.send(new CreateRequestValidatorCommand({ restApiId, name: 'dup' }))),
    ).toMatchObject({
      name: 'ConflictException',
      status: 409,
    });
  });

  it('an invalid patch changes nothing', async () => {
    const { restApiId } = await newApi('Validator patches');
    const created = await clients.DEVELOPER.send(new CreateRequestValidatorCommand({ restApiId, name: 'v' }));
    const patch = (patchOperations: { op: 'add' | 'remove' | 'replace'; path: string; value?: string }[]) =>
      failure(
        clients.DEVELOPER.send(
          new UpdateRequestValidatorCommand({ restApiId, requestValidatorId: created.id, patchOperations }),
        ),
      );
    expect(
      await patch([
        { op: 'replace', path: '/validateRequestParameters', value: 'true' },
        { op: 'add', path: '/validateRequestBody', value: 'true' },
      ]),
    ).toEqual({
      name: 'BadRequestException',
      message: "Invalid patch path  '/validateRequestBody' specified for op 'add'. Please choose supported operations",
      status: 400,
    });
    expect(await patch([{ op: 'remove', path: '/validateRequestBody' }])).toEqual({
      name: 'BadRequestException',
      message:
        "Invalid patch path  '/validateRequestBody' specified for op 'remove'. Please choose supported operations",
      status: 400,
    });
    expect(await patch([{ op: 'replace', path: '/invalidPath', value: 'x' }])).toEqual({
      name: 'BadRequestException',
      message:
        "Invalid patch path  '/invalidPath' specified for op 'replace'. Must be one of: [/name, /validateRequestParameters, /validateRequestBody]",
      status: 400,
    });
    expect(await patch([{ op: 'replace', path: '/name', value: '' }])).toEqual({
      name: 'BadRequestException',
      message: 'Request Validator name cannot be blank',
      status: 400,
    });
    expect(
      await clients.DEVELOPER.send(new GetRequestValidatorCommand({ restApiId, requestValidatorId: created.id })),
    ).toMatchObject({ name: 'v', validateRequestBody: false, validateRequestParameters: false });
  });

  it('refuses to delete a validator a method uses', async () => {
    const { restApiId, rootResourceId } = await newApi('Validator in use');
    const created = await clients.DEVELOPER.send(new CreateRequestValidatorCommand({ restApiId, name: 'strict' }));
    await clients.DEVELOPER.send(
      new PutMethodCommand({
        restApiId,
        resourceId: rootResourceId,
        httpMethod: 'PUT',
        authorizationType: 'NONE',
        requestValidatorId: created.id,
      }),
    );
    expect(
      await failure(
        clients.DEVELOPER.send(new DeleteRequestValidatorCommand({ restApiId, requestValidatorId: created.id })),
      ),
    ).toEqual({
      name: 'ConflictException',
      message: "Cannot delete request validator 'strict', is referenced in method: PUT//",
      status: 409,
    });
    await clients.DEVELOPER.send(new DeleteMethodCommand({ restApiId, resourceId: rootResourceId, httpMethod: 'PUT' }));
    await clients.DEVELOPER.send(new DeleteRequestValidatorCommand({ restApiId, requestValidatorId: created.id }));
  });

  it('a Viewer is refused writes', async () => {
    const { restApiId } = await newApi('Viewer validators');
    expect(
      await failure(clients.VIEWER.send(new CreateRequestValidatorCommand({ restApiId, name: 'v' }))),
    ).toMatchObject({
      name: 'AccessDeniedException',
      status: 403,
    });
  });
});
