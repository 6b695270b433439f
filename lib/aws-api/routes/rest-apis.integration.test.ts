// RestApis, Resources and Methods through the real AWS SDK over HTTP, with AWS's error names and messages.
import {
  CreateResourceCommand,
  CreateRestApiCommand,
  DeleteMethodCommand,
  DeleteResourceCommand,
  DeleteRestApiCommand,
  GetMethodCommand,
  GetModelsCommand,
  GetResourceCommand,
  GetResourcesCommand,
  GetRestApiCommand,
  GetRestApisCommand,
  PutMethodCommand,
  UpdateMethodCommand,
  UpdateResourceCommand,
  UpdateRestApiCommand,
} from '@aws-sdk/client-api-gateway';
import { describe, expect, it } from 'vitest';
import { sdkFailure, withManagementApi } from '../../testing/management-api';

const { clients } = withManagementApi(['DEVELOPER', 'VIEWER'] as const);

describe('RestApis', () => {
  it('create, get, list, update and delete', async () => {
    const created = await clients.DEVELOPER.send(
      new CreateRestApiCommand({ name: 'SDK API', description: 'made by the SDK', binaryMediaTypes: ['image/png'] }),
    );
    expect(created.id).toMatch(/^[a-z0-9]{10}$/);
    expect(created.createdDate).toBeInstanceOf(Date);
    expect(Math.abs((created.createdDate as Date).getTime() - Date.now())).toBeLessThan(60_000);
    expect(created.rootResourceId).toMatch(/^[a-z0-9]{10}$/);
    expect(created.endpointConfiguration?.types).toEqual(['EDGE']);

    const models = await clients.DEVELOPER.send(new GetModelsCommand({ restApiId: created.id }));
    expect(models.items?.map((m) => m.name).sort()).toEqual(['Empty', 'Error']);

    const fetched = await clients.VIEWER.send(new GetRestApiCommand({ restApiId: created.id }));
    expect(fetched).toMatchObject({ id: created.id, name: 'SDK API', binaryMediaTypes: ['image/png'] });

    const updated = await clients.DEVELOPER.send(
      new UpdateRestApiCommand({
        restApiId: created.id,
        patchOperations: [
          { op: 'replace', path: '/name', value: 'Renamed' },
          { op: 'add', path: '/binaryMediaTypes/image~1jpeg' },
          { op: 'remove', path: '/binaryMediaTypes/image~1png' },
          { op: 'replace', path: '/endpointConfiguration/types/EDGE', value: 'REGIONAL' },
        ],
      }),
    );
    expect(updated).toMatchObject({
      name: 'Renamed',
      binaryMediaTypes: ['image/jpeg'],
      endpointConfiguration: { types: ['REGIONAL'] },
    });

    const listed = await clients.DEVELOPER.send(new GetRestApisCommand({ limit: 500 }));
    expect(listed.items?.map((a) => a.id)).toContain(created.id);

    await clients.DEVELOPER.send(new DeleteRestApiCommand({ restApiId: created.id }));
    const gone = await sdkFailure(clients.DEVELOPER.send(new GetRestApiCommand({ restApiId: created.id })));
    expect(gone).toEqual({
      name: 'NotFoundException',
      message: `Invalid API identifier specified 123456789012:${created.id}`,
      status: 404,
    });
  });

  it('an invalid patch changes nothing', async () => {
    const created = await clients.DEVELOPER.send(new CreateRestApiCommand({ name: 'Atomic' }));
    const error = await sdkFailure(
      clients.DEVELOPER.send(
        new UpdateRestApiCommand({
          restApiId: created.id,
          patchOperations: [
            { op: 'replace', path: '/name', value: 'Changed' },
            { op: 'replace', path: '/nonsense', value: 'x' },
          ],
        }),
      ),
    );
    expect(error).toMatchObject({ name: 'BadRequestException', message: 'Invalid patch path /nonsense', status: 400 });
    expect((await clients.DEVELOPER.send(new GetRestApiCommand({ restApiId: created.id }))).name).toBe('Atomic');
  });

  it('a Viewer is refused writes', async () => {
    const error = await sdkFailure(clients.VIEWER.send(new CreateRestApiCommand({ name: 'Nope' })));
    expect(error).toMatchObject({ name: 'AccessDeniedException', status: 403 });
  });
});

describe('Resources and Methods', () => {
  it('builds a tree with AWS’s path rules and exact messages', async () => {
    const { id: restApiId, rootResourceId } = await clients.DEVELOPER.send(new CreateRestApiCommand({ name: 'Tree' }));
    const pets = await clients.DEVELOPER.send(
      new CreateResourceCommand({ restApiId, parentId: rootResourceId, pathPart: 'pets' }),
    );
    expect(pets).toMatchObject({ path: '/pets', pathPart: 'pets', parentId: rootResourceId });
    expect(pets.id).toMatch(/^[a-z0-9]{6}$/);
    const petId = await clients.DEVELOPER.send(
      new CreateResourceCommand({ restApiId, parentId: pets.id, pathPart: '{petId}' }),
    );
    expect(petId.path).toBe('/pets/{petId}');

    expect(
      await sdkFailure(
        clients.DEVELOPER.send(new CreateResourceCommand({ restApiId, parentId: pets.id, pathPart: '{proxy+}' })),
      ),
    ).toEqual({
      name: 'BadRequestException',
      message: 'A sibling ({petId}) of this resource already has a variable path part -- only one is allowed',
      status: 400,
    });
    expect(
      await sdkFailure(
        clients.DEVELOPER.send(new CreateResourceCommand({ restApiId, parentId: rootResourceId, pathPart: 'pets' })),
      ),
    ).toEqual({
      name: 'ConflictException',
      message: 'Another resource with the same parent already has this name: pets',
      status: 409,
    });
    const proxy = await clients.DEVELOPER.send(
      new CreateResourceCommand({ restApiId, parentId: rootResourceId, pathPart: '{proxy+}' }),
    );
    expect(
      await sdkFailure(
        clients.DEVELOPER.send(new CreateResourceCommand({ restApiId, parentId: proxy.id, pathPart: 'child' })),
      ),
    ).toEqual({
      name: 'BadRequestException',
      message: 'Cannot create a child of a resource with a greedy path variable: {proxy+}',
      status: 400,
    });
    expect(
      (
        await sdkFailure(
          clients.DEVELOPER.send(new CreateResourceCommand({ restApiId, parentId: rootResourceId, pathPart: 'a b' })),
        )
      ).name,
    ).toBe('BadRequestException');
    expect(
      await sdkFailure(clients.DEVELOPER.send(new GetResourceCommand({ restApiId, resourceId: 'nope42' }))),
    ).toEqual({
      name: 'NotFoundException',
      message: 'Invalid Resource identifier specified',
      status: 404,
    });

    const renamed = await clients.DEVELOPER.send(
      new UpdateResourceCommand({
        restApiId,
        resourceId: pets.id,
        patchOperations: [{ op: 'replace', path: '/pathPart', value: 'animals' }],
      }),
    );
    expect(renamed.path).toBe('/animals');
    expect((await clients.DEVELOPER.send(new GetResourceCommand({ restApiId, resourceId: petId.id }))).path).toBe(
      '/animals/{petId}',
    );
  });

  it('puts, gets, updates and deletes methods; embed=methods shows them', async () => {
    const { id: restApiId, rootResourceId } = await clients.DEVELOPER.send(
      new CreateRestApiCommand({ name: 'Methods' }),
    );
    const items = await clients.DEVELOPER.send(
      new CreateResourceCommand({ restApiId, parentId: rootResourceId, pathPart: 'items' }),
    );
    const put = await clients.DEVELOPER.send(
      new PutMethodCommand({
        restApiId,
        resourceId: items.id,
        httpMethod: 'GET',
        authorizationType: 'NONE',
        apiKeyRequired: true,
        requestParameters: { 'method.request.querystring.q': false },
        requestModels: { 'application/json': 'Empty' },
      }),
    );
    expect(put).toMatchObject({ httpMethod: 'GET', authorizationType: 'NONE', apiKeyRequired: true });
    expect(
      (
        await sdkFailure(
          clients.DEVELOPER.send(
            new PutMethodCommand({ restApiId, resourceId: items.id, httpMethod: 'GET', authorizationType: 'NONE' }),
          ),
        )
      ).name,
    ).toBe('ConflictException');
    expect(
      await sdkFailure(
        clients.DEVELOPER.send(
          new PutMethodCommand({ restApiId, resourceId: items.id, httpMethod: 'POST', authorizationType: 'CUSTOM' }),
        ),
      ),
    ).toEqual({
      name: 'BadRequestException',
      message:
        'Invalid authorizer ID specified. Setting the authorization type to CUSTOM or COGNITO_USER_POOLS requires a valid authorizer.',
      status: 400,
    });

    const updated = await clients.DEVELOPER.send(
      new UpdateMethodCommand({
        restApiId,
        resourceId: items.id,
        httpMethod: 'GET',
        patchOperations: [
          { op: 'replace', path: '/apiKeyRequired', value: 'false' },
          { op: 'add', path: '/requestParameters/method.request.header.X-Trace', value: 'true' },
          { op: 'remove', path: '/requestModels/application~1json' },
        ],
      }),
    );
    expect(updated.apiKeyRequired).toBe(false);
    expect(updated.requestParameters).toEqual({
      'method.request.querystring.q': false,
      'method.request.header.X-Trace': true,
    });
    expect(updated.requestModels).toBeUndefined();

    const embedded = await clients.DEVELOPER.send(new GetResourcesCommand({ restApiId, embed: ['methods'] }));
    const withMethods = embedded.items?.find((r) => r.id === items.id);
    expect(Object.keys(withMethods?.resourceMethods ?? {})).toEqual(['GET']);
    const plain = await clients.DEVELOPER.send(new GetResourcesCommand({ restApiId }));
    expect(plain.items?.find((r) => r.id === items.id)?.resourceMethods).toBeUndefined();

    await clients.DEVELOPER.send(new DeleteMethodCommand({ restApiId, resourceId: items.id, httpMethod: 'GET' }));
    expect(
      await sdkFailure(
        clients.DEVELOPER.send(new GetMethodCommand({ restApiId, resourceId: items.id, httpMethod: 'GET' })),
      ),
    ).toEqual({
      name: 'NotFoundException',
      message: 'Invalid Method identifier specified',
      status: 404,
    });
    await clients.DEVELOPER.send(new DeleteResourceCommand({ restApiId, resourceId: items.id }));
  });
});
