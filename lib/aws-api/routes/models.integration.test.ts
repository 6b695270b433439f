// Models through the real AWS SDK over HTTP, with AWS's error names and messages.
import {
  CreateModelCommand,
  type CreateModelCommandInput,
  CreateRestApiCommand,
  DeleteModelCommand,
  GetModelCommand,
  GetModelsCommand,
  GetModelTemplateCommand,
  PutMethodCommand,
  UpdateModelCommand,
} from '@aws-sdk/client-api-gateway';
import { describe, expect, it } from 'vitest';
import { db } from '../../db/client';
import { sdkFailure as failure, withManagementApi } from '../../testing/management-api';

const { clients } = withManagementApi(['DEVELOPER', 'VIEWER'] as const);

const CALC_SCHEMA = JSON.stringify({
  title: 'Calc output',
  type: 'object',
  properties: { a: { type: 'number' }, b: { type: 'number' }, op: { type: 'string' } },
  required: ['a', 'b', 'op'],
});

async function newApi(name: string) {
  const created = await clients.DEVELOPER.send(new CreateRestApiCommand({ name }));
  return { restApiId: created.id as string, rootResourceId: created.rootResourceId as string };
}

const ref = (restApiId: string, name: string) =>
  `https://apigateway.amazonaws.com/restapis/${restApiId}/models/${name}`;

describe('Models', () => {
  it('create, get, list, update, template and delete', async () => {
    const { restApiId } = await newApi('Models');
    const created = await clients.DEVELOPER.send(
      new CreateModelCommand({
        restApiId,
        name: 'CalcOutput',
        contentType: 'application/json',
        description: 'Calc output model',
        schema: CALC_SCHEMA,
      }),
    );
    expect(created).toMatchObject({
      name: 'CalcOutput',
      contentType: 'application/json',
      description: 'Calc output model',
      schema: CALC_SCHEMA,
    });
    expect(created.id).toMatch(/^[a-z0-9]{6}$/);
    expect(created.$metadata.httpStatusCode).toBe(201);

    const listed = await clients.VIEWER.send(new GetModelsCommand({ restApiId }));
    expect(listed.items?.map((m) => m.name)).toEqual(['CalcOutput', 'Empty', 'Error']);
    const paged = await clients.DEVELOPER.send(new GetModelsCommand({ restApiId, limit: 2 }));
    expect(paged.items).toHaveLength(2);
    const rest = await clients.DEVELOPER.send(new GetModelsCommand({ restApiId, limit: 2, position: paged.position }));
    expect(rest.items?.map((m) => m.name)).toEqual(['Error']);
    expect(rest.position).toBeUndefined();

    expect(await clients.VIEWER.send(new GetModelCommand({ restApiId, modelName: 'CalcOutput' }))).toMatchObject({
      id: created.id,
      schema: CALC_SCHEMA,
    });

    const template = await clients.VIEWER.send(new GetModelTemplateCommand({ restApiId, modelName: 'CalcOutput' }));
    expect(template.value).toBe(
      [
        "#set($inputRoot = $input.path('$'))",
        '{',
        '  "a" : $inputRoot.a,',
        '  "b" : $inputRoot.b,',
        '  "op" : "$inputRoot.op"',
        '}',
      ].join('\n'),
    );

    const updatedSchema = JSON.stringify({ title: 'Updated schema', type: 'object' });
    const updated = await clients.DEVELOPER.send(
      new UpdateModelCommand({
        restApiId,
        modelName: 'CalcOutput',
        patchOperations: [
          { op: 'replace', path: '/schema', value: updatedSchema },
          { op: 'replace', path: '/description', value: '' },
        ],
      }),
    );
    expect(updated).toMatchObject({ name: 'CalcOutput', schema: updatedSchema });
    expect(updated.description).toBeUndefined();

    const deleted = await clients.DEVELOPER.send(new DeleteModelCommand({ restApiId, modelName: 'CalcOutput' }));
    expect(deleted.$metadata.httpStatusCode).toBe(202);
    expect(await failure(clients.DEVELOPER.send(new GetModelCommand({ restApiId, modelName: 'CalcOutput' })))).toEqual({
      name: 'NotFoundException',
      message: 'Invalid model name specified: CalcOutput',
      status: 404,
    });

    const audits = await db().auditLog.findMany({ where: { targetType: 'Model', targetId: created.id as string } });
    expect(audits.map((a) => a.action).sort()).toEqual(['create-model', 'delete-model', 'update-model']);
  });

  it('refuses invalid models with AWS’s messages', async () => {
    const { restApiId } = await newApi('Model validation');
    const base = { restApiId, contentType: 'application/json', schema: CALC_SCHEMA };
    expect(
      await failure(clients.DEVELOPER.send(new CreateModelCommand({ ...base, restApiId: 'abcde0', name: 'M' }))),
    ).toEqual({
      name: 'NotFoundException',
      message: 'Invalid API identifier specified 123456789012:abcde0',
      status: 404,
    });
    expect(await failure(clients.DEVELOPER.send(new CreateModelCommand({ ...base, name: '' })))).toEqual({
      name: 'BadRequestException',
      message: 'Model name must be non-empty',
      status: 400,
    });
    expect(await failure(clients.DEVELOPER.send(new CreateModelCommand({ ...base, name: 'my-model' })))).toMatchObject({
      name: 'BadRequestException',
      status: 400,
    });
    expect(await failure(clients.DEVELOPER.send(new CreateModelCommand({ ...base, name: 'Empty' })))).toEqual({
      name: 'ConflictException',
      message: 'Model name already exists for this REST API',
      status: 409,
    });
    for (const schema of ['', undefined]) {
      expect(
        await failure(clients.DEVELOPER.send(new CreateModelCommand({ ...base, name: 'NoSchema', schema }))),
      ).toEqual({
        name: 'BadRequestException',
        message: 'Model schema must have at least 1 property or array items defined',
        status: 400,
      });
    }
    expect(
      await failure(clients.DEVELOPER.send(new CreateModelCommand({ ...base, name: 'Bad', schema: '{not json' }))),
    ).toEqual({
      name: 'BadRequestException',
      message: 'Invalid model specified: Validation Result: warnings : [], errors : [Invalid model schema specified]',
      status: 400,
    });
    expect(
      await failure(
        clients.DEVELOPER.send(
          new CreateModelCommand({ ...base, name: 'Rel', schema: JSON.stringify({ $ref: 'Empty' }) }),
        ),
      ),
    ).toMatchObject({ name: 'BadRequestException', status: 400 });
    expect(
      await failure(
        clients.DEVELOPER.send(
          new CreateModelCommand({
            ...base,
            name: 'Dangling',
            schema: JSON.stringify({ type: 'object', properties: { x: { $ref: ref(restApiId, 'Nope') } } }),
          }),
        ),
      ),
    ).toMatchObject({ name: 'BadRequestException', status: 400 });
    // contentType is required; the SDK's types say so, the server must too
    expect(
      await failure(
        clients.DEVELOPER.send(
          new CreateModelCommand({ restApiId, name: 'NoType', schema: CALC_SCHEMA } as CreateModelCommandInput),
        ),
      ),
    ).toMatchObject({ name: 'BadRequestException', status: 400 });
    expect((await clients.DEVELOPER.send(new GetModelsCommand({ restApiId }))).items?.map((m) => m.name)).toEqual([
      'Empty',
      'Error',
    ]);
  });

  it('refuses invalid patches and changes nothing', async () => {
    const { restApiId } = await newApi('Model patches');
    await clients.DEVELOPER.send(
      new CreateModelCommand({ restApiId, name: 'MySchema', contentType: 'application/json', schema: CALC_SCHEMA }),
    );
    const patch = (patchOperations: { op: 'add' | 'replace'; path: string; value?: string }[]) =>
      failure(clients.DEVELOPER.send(new UpdateModelCommand({ restApiId, modelName: 'MySchema', patchOperations })));
    expect(
      await patch([
        { op: 'replace', path: '/description', value: 'changed' },
        { op: 'add', path: '/wrong-path', value: 'x' },
      ]),
    ).toEqual({
      name: 'BadRequestException',
      message: "Invalid patch path  '/wrong-path' specified for op 'add'. Please choose supported operations",
      status: 400,
    });
    expect(await patch([{ op: 'replace', path: '/name', value: 'invalid' }])).toEqual({
      name: 'BadRequestException',
      message: "Invalid patch path  '/name' specified for op 'replace'. Must be one of: [/description, /schema]",
      status: 400,
    });
    expect(await patch([{ op: 'replace', path: '/schema', value: '' }])).toEqual({
      name: 'BadRequestException',
      message: 'Model schema must have at least 1 property or array items defined',
      status: 400,
    });
    expect(
      await failure(
        clients.DEVELOPER.send(
          new UpdateModelCommand({
            restApiId,
            modelName: 'mySchema',
            patchOperations: [{ op: 'replace', path: '/description', value: 'x' }],
          }),
        ),
      ),
    ).toEqual({ name: 'NotFoundException', message: 'Invalid model name specified: mySchema', status: 404 });
    const unchanged = await clients.DEVELOPER.send(new GetModelCommand({ restApiId, modelName: 'MySchema' }));
    expect(unchanged.description).toBeUndefined();
    expect(unchanged.schema).toBe(CALC_SCHEMA);
  });

  it('refuses to delete a model in use by a method, a method response or another model', async () => {
    const { restApiId, rootResourceId } = await newApi('Models in use');
    const create = (name: string, schema: string) =>
      clients.DEVELOPER.send(new CreateModelCommand({ restApiId, name, contentType: 'application/json', schema }));
    await create('Pet', JSON.stringify({ type: 'object', properties: { name: { type: 'string' } } }));
    await create('Pets', JSON.stringify({ type: 'array', items: { $ref: ref(restApiId, 'Pet') } }));
    await create('Order', CALC_SCHEMA);
    await create('Receipt', CALC_SCHEMA);

    // the referenced model's schema is followed into the generated template
    const template = await clients.DEVELOPER.send(new GetModelTemplateCommand({ restApiId, modelName: 'Pets' }));
    expect(template.value).toContain('#foreach($elem in $inputRoot)');
    expect(template.value).toContain('"name" : "$elem.name"');

    expect(await failure(clients.DEVELOPER.send(new DeleteModelCommand({ restApiId, modelName: 'Pet' })))).toEqual({
      name: 'ConflictException',
      message: "Cannot delete model 'Pet', is referenced in model: Pets",
      status: 409,
    });

    await clients.DEVELOPER.send(
      new PutMethodCommand({
        restApiId,
        resourceId: rootResourceId,
        httpMethod: 'POST',
        authorizationType: 'NONE',
        requestModels: { 'application/json': 'Order' },
      }),
    );
    expect(await failure(clients.DEVELOPER.send(new DeleteModelCommand({ restApiId, modelName: 'Order' })))).toEqual({
      name: 'ConflictException',
      message: "Cannot delete model 'Order', is referenced in method request: //POST",
      status: 409,
    });

    // written directly: this test is about DeleteModel, not about PutMethodResponse
    const method = await db().method.findFirstOrThrow({ where: { restApiId, httpMethod: 'POST' } });
    await db().methodResponse.create({
      data: { methodId: method.id, statusCode: '200', responseModels: { 'application/json': 'Receipt' } },
    });
    expect(await failure(clients.DEVELOPER.send(new DeleteModelCommand({ restApiId, modelName: 'Receipt' })))).toEqual({
      name: 'ConflictException',
      message: "Cannot delete model 'Receipt', is referenced in method response: //POST/200",
      status: 409,
    });

    await clients.DEVELOPER.send(new DeleteModelCommand({ restApiId, modelName: 'Pets' }));
    await clients.DEVELOPER.send(new DeleteModelCommand({ restApiId, modelName: 'Pet' }));
    expect((await clients.DEVELOPER.send(new GetModelsCommand({ restApiId }))).items?.map((m) => m.name)).toEqual([
      'Empty',
      'Error',
      'Order',
      'Receipt',
    ]);
  });

  it('a model may refer to itself', async () => {
    const { restApiId } = await newApi('Recursive');
    const schema = JSON.stringify({
      type: 'object',
      properties: { label: { type: 'string' }, children: { type: 'array', items: { $ref: ref(restApiId, 'Node') } } },
    });
    await clients.DEVELOPER.send(
      new CreateModelCommand({ restApiId, name: 'Node', contentType: 'application/json', schema }),
    );
    const template = await clients.DEVELOPER.send(new GetModelTemplateCommand({ restApiId, modelName: 'Node' }));
    expect(template.value).toContain('"label" : "$inputRoot.label"');
    await clients.DEVELOPER.send(new DeleteModelCommand({ restApiId, modelName: 'Node' }));
  });

  it('a Viewer is refused writes', async () => {
    const { restApiId } = await newApi('Viewer models');
    const error = await failure(
      clients.VIEWER.send(
        new CreateModelCommand({ restApiId, name: 'M', contentType: 'application/json', schema: '{}' }),
      ),
    );
    expect(error).toMatchObject({ name: 'AccessDeniedException', status: 403 });
    expect(await failure(clients.VIEWER.send(new DeleteModelCommand({ restApiId, modelName: 'Empty' })))).toMatchObject(
      {
        name: 'AccessDeniedException',
        status: 403,
      },
    );
  });
});
