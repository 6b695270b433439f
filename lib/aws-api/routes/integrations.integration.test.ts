// MethodResponses, Integrations and IntegrationResponses through the real AWS SDK over HTTP, with AWS's error names
// and messages.
import {
  CreateResourceCommand,
  CreateRestApiCommand,
  DeleteIntegrationCommand,
  DeleteIntegrationResponseCommand,
  DeleteMethodResponseCommand,
  GetIntegrationCommand,
  GetIntegrationResponseCommand,
  GetMethodCommand,
  GetMethodResponseCommand,
  PutIntegrationCommand,
  type PutIntegrationCommandInput,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand,
  UpdateIntegrationCommand,
  UpdateIntegrationResponseCommand,
  UpdateMethodResponseCommand,
} from '@aws-sdk/client-api-gateway';
import { describe, expect, it } from 'vitest';
import { db } from '../../db/client';
import { sdkFailure as failure, withManagementApi } from '../../testing/management-api';

const { clients } = withManagementApi(['DEVELOPER', 'VIEWER'] as const);

/** AWS's stage variable syntax inside an integration URI. */
const HOST_VARIABLE = ['$', '{stageVariables.host}'].join('');

const badRequest = (message: string) => ({ name: 'BadRequestException', message, status: 400 });
const notFound = (message: string) => ({ name: 'NotFoundException', message, status: 404 });
const mapping = (detail: string) =>
  badRequest(`Invalid mapping expression specified: Validation Result: warnings : [], errors : [${detail}]`);

/** An API with /pets/{petId} and a GET method declaring a path parameter and a query string. */
async function petMethod(name: string) {
  const { id, rootResourceId } = await clients.DEVELOPER.send(new CreateRestApiCommand({ name }));
  const restApiId = id as string;
  const pets = await clients.DEVELOPER.send(
    new CreateResourceCommand({ restApiId, parentId: rootResourceId, pathPart: 'pets' }),
  );
  const pet = await clients.DEVELOPER.send(
    new CreateResourceCommand({ restApiId, parentId: pets.id, pathPart: '{petId}' }),
  );
  const resourceId = pet.id as string;
  await clients.DEVELOPER.send(
    new PutMethodCommand({
      restApiId,
      resourceId,
      httpMethod: 'GET',
      authorizationType: 'NONE',
      requestParameters: { 'method.request.path.petId': true, 'method.request.querystring.q': false },
    }),
  );
  return { restApiId, resourceId, httpMethod: 'GET' };
}

describe('MethodResponses', () => {
  it('puts, gets, updates and deletes; GetMethod nests them', async () => {
    const ids = await petMethod('MethodResponses');
    const put = await clients.DEVELOPER.send(
      new PutMethodResponseCommand({
        ...ids,
        statusCode: '200',
        responseParameters: { 'method.response.header.Location': true },
        responseModels: { 'application/json': 'Empty' },
      }),
    );
    expect(put.$metadata.httpStatusCode).toBe(201);
    expect(put).toMatchObject({
      statusCode: '200',
      responseParameters: { 'method.response.header.Location': true },
      responseModels: { 'application/json': 'Empty' },
    });

    const fetched = await clients.VIEWER.send(new GetMethodResponseCommand({ ...ids, statusCode: '200' }));
    expect(fetched.responseModels).toEqual({ 'application/json': 'Empty' });

    const updated = await clients.DEVELOPER.send(
      new UpdateMethodResponseCommand({
        ...ids,
        statusCode: '200',
        patchOperations: [
          { op: 'add', path: '/responseParameters/method.response.header.X-Count', value: 'false' },
          { op: 'remove', path: '/responseModels/application~1json' },
          { op: 'add', path: '/responseModels/application~1xml', value: 'Error' },
        ],
      }),
    );
    expect(updated.responseParameters).toEqual({
      'method.response.header.Location': true,
      'method.response.header.X-Count': false,
    });
    expect(updated.responseModels).toEqual({ 'application/xml': 'Error' });

    const method = await clients.DEVELOPER.send(new GetMethodCommand(ids));
    expect(method.methodResponses?.['200']?.responseModels).toEqual({ 'application/xml': 'Error' });

    const deleted = await clients.DEVELOPER.send(new DeleteMethodResponseCommand({ ...ids, statusCode: '200' }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    expect(await failure(clients.DEVELOPER.send(new GetMethodResponseCommand({ ...ids, statusCode: '200' })))).toEqual(
      notFound('Invalid Response status code specified'),
    );
  });

  it('refuses duplicates, bad codes, unknown models and bad parameter names with AWS’s messages', async () => {
    const ids = await petMethod('MethodResponse errors');
    await clients.DEVELOPER.send(new PutMethodResponseCommand({ ...ids, statusCode: '200' }));
    expect(await failure(clients.DEVELOPER.send(new PutMethodResponseCommand({ ...ids, statusCode: '200' })))).toEqual({
      name: 'ConflictException',
      message: 'Response already exists for this resource',
      status: 409,
    });
    expect(
      (await failure(clients.DEVELOPER.send(new PutMethodResponseCommand({ ...ids, statusCode: '99' })))).name,
    ).toBe('BadRequestException');
    expect(
      await failure(
        clients.DEVELOPER.send(
          new PutMethodResponseCommand({ ...ids, statusCode: '404', responseModels: { 'application/json': 'Nope' } }),
        ),
      ),
    ).toEqual(badRequest('Invalid model identifier specified: Nope'));
    expect(
      await failure(
        clients.DEVELOPER.send(
          new PutMethodResponseCommand({ ...ids, statusCode: '404', responseParameters: { 'header.Location': true } }),
        ),
      ),
    ).toEqual(mapping('Invalid method response parameter name specified: header.Location'));
    expect(await failure(clients.DEVELOPER.send(new GetMethodResponseCommand({ ...ids, statusCode: '418' })))).toEqual(
      notFound('Invalid Response status code specified'),
    );
    expect(
      await failure(
        clients.DEVELOPER.send(new GetMethodResponseCommand({ ...ids, httpMethod: 'POST', statusCode: '200' })),
      ),
    ).toEqual(notFound('Invalid Method identifier specified'));
    expect(
      await failure(clients.DEVELOPER.send(new DeleteMethodResponseCommand({ ...ids, statusCode: '500' }))),
    ).toEqual(notFound('Invalid Response status code specified'));
  });

  it('an invalid patch changes nothing, and a Viewer is refused writes', async () => {
    const ids = await petMethod('MethodResponse atomic');
    await clients.DEVELOPER.send(
      new PutMethodResponseCommand({ ...ids, statusCode: '200', responseModels: { 'application/json': 'Empty' } }),
    );
    expect(
      await failure(
        clients.DEVELOPER.send(
          new UpdateMethodResponseCommand({
            ...ids,
            statusCode: '200',
            patchOperations: [
              { op: 'remove', path: '/responseModels/application~1json' },
              { op: 'replace', path: '/statusCode', value: '201' },
            ],
          }),
        ),
      ),
    ).toEqual(badRequest('Invalid patch path /statusCode'));
    expect(
      await failure(
        clients.DEVELOPER.send(
          new UpdateMethodResponseCommand({
            ...ids,
            statusCode: '200',
            patchOperations: [{ op: 'add', path: '/responseModels/text~1plain', value: 'Missing' }],
          }),
        ),
      ),
    ).toEqual(badRequest('Invalid model identifier specified: Missing'));
    const unchanged = await clients.DEVELOPER.send(new GetMethodResponseCommand({ ...ids, statusCode: '200' }));
    expect(unchanged.responseModels).toEqual({ 'application/json': 'Empty' });

    const writes: Array<() => Promise<unknown>> = [
      () => clients.VIEWER.send(new PutMethodResponseCommand({ ...ids, statusCode: '201' })),
      () => clients.VIEWER.send(new DeleteMethodResponseCommand({ ...ids, statusCode: '200' })),
      () =>
        clients.VIEWER.send(
          new UpdateMethodResponseCommand({
            ...ids,
            statusCode: '200',
            patchOperations: [{ op: 'remove', path: '/responseModels/application~1json' }],
          }),
        ),
    ];
    for (const write of writes) {
      expect(await failure(write())).toMatchObject({ name: 'AccessDeniedException', status: 403 });
    }
  });
});

describe('Integrations', () => {
  it('puts an HTTP integration with AWS’s defaults, gets, updates and deletes it', async () => {
    const ids = await petMethod('Integrations');
    expect(await failure(clients.DEVELOPER.send(new GetIntegrationCommand(ids)))).toEqual(
      notFound('Invalid Integration identifier specified'),
    );
    const put = await clients.DEVELOPER.send(
      new PutIntegrationCommand({
        ...ids,
        type: 'HTTP',
        integrationHttpMethod: 'get',
        uri: `https://${HOST_VARIABLE}/pets/{id}`,
        requestParameters: {
          'integration.request.path.id': 'method.request.path.petId',
          'integration.request.querystring.q': 'method.request.querystring.q',
          'integration.request.header.X-Source': "'portico'",
        },
        requestTemplates: { 'application/json': '{"id": "$input.params(\'petId\')"}' },
        cacheKeyParameters: ['method.request.path.petId'],
      }),
    );
    expect(put.$metadata.httpStatusCode).toBe(201);
    expect(put).toMatchObject({
      type: 'HTTP',
      httpMethod: 'GET',
      uri: `https://${HOST_VARIABLE}/pets/{id}`,
      connectionType: 'INTERNET',
      passthroughBehavior: 'WHEN_NO_MATCH',
      timeoutInMillis: 29000,
      cacheNamespace: ids.resourceId,
      cacheKeyParameters: ['method.request.path.petId'],
      requestTemplates: { 'application/json': '{"id": "$input.params(\'petId\')"}' },
    });
    expect(put.contentHandling).toBeUndefined();

    const updated = await clients.DEVELOPER.send(
      new UpdateIntegrationCommand({
        ...ids,
        patchOperations: [
          { op: 'replace', path: '/uri', value: 'http://backend.internal:8080/pets/{id}' },
          { op: 'replace', path: '/httpMethod', value: 'POST' },
          { op: 'replace', path: '/timeoutInMillis', value: '5000' },
          { op: 'replace', path: '/passthroughBehavior', value: 'NEVER' },
          { op: 'replace', path: '/contentHandling', value: 'CONVERT_TO_TEXT' },
          { op: 'remove', path: '/requestParameters/integration.request.header.X-Source' },
          { op: 'add', path: '/requestTemplates/application~1xml', value: '<pet/>' },
          { op: 'remove', path: '/cacheKeyParameters/method.request.path.petId' },
          { op: 'add', path: '/cacheKeyParameters/method.request.querystring.q' },
          { op: 'replace', path: '/cacheNamespace', value: 'pets' },
          { op: 'replace', path: '/tlsConfig/insecureSkipVerification', value: 'true' },
        ],
      }),
    );
    expect(updated).toMatchObject({
      uri: 'http://backend.internal:8080/pets/{id}',
      httpMethod: 'POST',
      timeoutInMillis: 5000,
      passthroughBehavior: 'NEVER',
      contentHandling: 'CONVERT_TO_TEXT',
      cacheNamespace: 'pets',
      cacheKeyParameters: ['method.request.querystring.q'],
      tlsConfig: { insecureSkipVerification: true },
      requestTemplates: { 'application/json': '{"id": "$input.params(\'petId\')"}', 'application/xml': '<pet/>' },
    });
    expect(updated.requestParameters).toEqual({
      'integration.request.path.id': 'method.request.path.petId',
      'integration.request.querystring.q': 'method.request.querystring.q',
    });

    const fetched = await clients.VIEWER.send(new GetIntegrationCommand(ids));
    expect(fetched).toMatchObject({ httpMethod: 'POST', timeoutInMillis: 5000 });
    expect((await clients.DEVELOPER.send(new GetMethodCommand(ids))).methodIntegration?.uri).toBe(
      'http://backend.internal:8080/pets/{id}',
    );

    const deleted = await clients.DEVELOPER.send(new DeleteIntegrationCommand(ids));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    expect(await failure(clients.DEVELOPER.send(new GetIntegrationCommand(ids)))).toEqual(
      notFound('Invalid Integration identifier specified'),
    );
    expect((await clients.DEVELOPER.send(new GetMethodCommand(ids))).methodIntegration).toBeUndefined();

    const audited = await db().auditLog.findMany({
      where: { targetType: 'Integration', targetId: `${ids.resourceId}/GET` },
      orderBy: { id: 'asc' },
    });
    expect(audited.map((a) => a.action)).toEqual(['put-integration', 'update-integration', 'delete-integration']);
    expect(audited[1]?.before).toMatchObject({ httpMethod: 'GET' });
    expect(audited[1]?.after).toMatchObject({ httpMethod: 'POST' });
  });

  it('MOCK, AWS and AWS_PROXY integrations', async () => {
    const ids = await petMethod('Integration types');
    const mock = await clients.DEVELOPER.send(
      new PutIntegrationCommand({
        ...ids,
        type: 'MOCK',
        requestTemplates: { 'application/json': '{"statusCode": 200}' },
      }),
    );
    expect(mock).toMatchObject({ type: 'MOCK', passthroughBehavior: 'WHEN_NO_MATCH', timeoutInMillis: 29000 });
    expect(mock.httpMethod).toBeUndefined();
    const lambda = await clients.DEVELOPER.send(
      new PutIntegrationCommand({
        ...ids,
        type: 'AWS_PROXY',
        integrationHttpMethod: 'POST',
        uri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:pets/invocations',
      }),
    );
    expect(lambda).toMatchObject({ type: 'AWS_PROXY', httpMethod: 'POST' });
    expect(lambda.requestTemplates).toBeUndefined();
    const sqs = await clients.DEVELOPER.send(
      new PutIntegrationCommand({
        ...ids,
        type: 'AWS',
        integrationHttpMethod: 'POST',
        uri: 'arn:aws:apigateway:us-east-1:sqs:path/123456789012/queue',
        credentials: 'arn:aws:iam::123456789012:role/apigw-sqs',
        passthroughBehavior: 'WHEN_NO_TEMPLATES',
        timeoutInMillis: 50,
      }),
    );
    expect(sqs).toMatchObject({
      type: 'AWS',
      credentials: 'arn:aws:iam::123456789012:role/apigw-sqs',
      passthroughBehavior: 'WHEN_NO_TEMPLATES',
      timeoutInMillis: 50,
    });
  });

  it('refuses invalid integrations with AWS’s messages', async () => {
    const ids = await petMethod('Integration errors');
    const put = (input: Omit<PutIntegrationCommandInput, 'restApiId' | 'resourceId' | 'httpMethod'>) =>
      failure(clients.DEVELOPER.send(new PutIntegrationCommand({ ...ids, ...input })));
    expect(await put({ type: 'HTTP', uri: 'https://example.com' })).toEqual(
      badRequest('Enumeration value for HttpMethod must be non-empty'),
    );
    expect(await put({ type: 'HTTP_PROXY', integrationHttpMethod: 'ANY', uri: 'example.com/x' })).toEqual(
      badRequest('Invalid HTTP endpoint specified for URI'),
    );
    expect(await put({ type: 'HTTP', integrationHttpMethod: 'GET' })).toEqual(
      badRequest('Invalid HTTP endpoint specified for URI'),
    );
    expect(
      await put({
        type: 'AWS_PROXY',
        integrationHttpMethod: 'POST',
        uri: 'arn:aws:apigateway:us-east-1:sqs:action/SendMessage',
      }),
    ).toEqual(
      badRequest(
        "Integrations of type 'AWS_PROXY' currently only supports Lambda function and Firehose stream invocations.",
      ),
    );
    expect(
      await put({ type: 'AWS', integrationHttpMethod: 'POST', uri: 'arn:aws:apigateway:us-east-1:sqs:SendMessage' }),
    ).toEqual(badRequest('AWS ARN for integration must contain path or action'));
    expect(await put({ type: 'FOO' as 'HTTP' })).toEqual(
      badRequest(
        "1 validation error detected: Value 'FOO' at 'putIntegrationInput.type' failed to satisfy constraint: Member must satisfy enum value set: [HTTP, AWS, MOCK, HTTP_PROXY, AWS_PROXY]",
      ),
    );
    expect(await put({ type: 'MOCK', timeoutInMillis: 30000 })).toEqual(
      badRequest('Timeout should be between 50 ms and 29000 ms'),
    );
    expect(
      await put({ type: 'MOCK', requestParameters: { 'integration.request.path.proxy': 'method.request.path.proxy' } }),
    ).toEqual(mapping('Invalid mapping expression parameter specified: method.request.path.proxy'));
    expect(await put({ type: 'MOCK', requestParameters: { 'integration.request.header.A': 'nonsense' } })).toEqual(
      mapping('Invalid mapping expression specified: nonsense'),
    );
    expect(
      await failure(clients.DEVELOPER.send(new PutIntegrationCommand({ ...ids, httpMethod: 'DELETE', type: 'MOCK' }))),
    ).toEqual(notFound('Invalid Method identifier specified'));
    expect(
      await failure(clients.DEVELOPER.send(new PutIntegrationCommand({ ...ids, resourceId: 'nope42', type: 'MOCK' }))),
    ).toEqual(notFound('Invalid Resource identifier specified'));
    expect(await failure(clients.VIEWER.send(new PutIntegrationCommand({ ...ids, type: 'MOCK' })))).toMatchObject({
      name: 'AccessDeniedException',
      status: 403,
    });
  });

  it('an invalid patch changes nothing; a new PutIntegration keeps nothing of the old one', async () => {
    const ids = await petMethod('Integration replace');
    await clients.DEVELOPER.send(new PutMethodResponseCommand({ ...ids, statusCode: '200' }));
    await clients.DEVELOPER.send(
      new PutIntegrationCommand({
        ...ids,
        type: 'HTTP',
        integrationHttpMethod: 'GET',
        uri: 'https://example.com/pets',
        timeoutInMillis: 1000,
        requestTemplates: { 'application/json': '{}' },
      }),
    );
    await clients.DEVELOPER.send(new PutIntegrationResponseCommand({ ...ids, statusCode: '200' }));
    for (const [patch, message] of [
      [{ op: 'replace', path: '/type', value: 'MOCK' }, 'Invalid patch path /type'],
      [{ op: 'replace', path: '/timeoutInMillis', value: '10' }, 'Timeout should be between 50 ms and 29000 ms'],
      [{ op: 'replace', path: '/uri', value: 'not a url' }, 'Invalid HTTP endpoint specified for URI'],
      [{ op: 'remove', path: '/httpMethod' }, 'Enumeration value for HttpMethod must be non-empty'],
    ] as const) {
      expect(
        await failure(
          clients.DEVELOPER.send(
            new UpdateIntegrationCommand({
              ...ids,
              patchOperations: [{ op: 'replace', path: '/timeoutInMillis', value: '2000' }, patch],
            }),
          ),
        ),
      ).toEqual(badRequest(message));
    }
    const unchanged = await clients.DEVELOPER.send(new GetIntegrationCommand(ids));
    expect(unchanged).toMatchObject({ timeoutInMillis: 1000, uri: 'https://example.com/pets', httpMethod: 'GET' });
    expect(Object.keys(unchanged.integrationResponses ?? {})).toEqual(['200']);

    const replaced = await clients.DEVELOPER.send(new PutIntegrationCommand({ ...ids, type: 'MOCK' }));
    expect(replaced.timeoutInMillis).toBe(29000);
    expect(replaced.uri).toBeUndefined();
    expect(replaced.requestTemplates).toBeUndefined();
    const after = await clients.DEVELOPER.send(new GetIntegrationCommand(ids));
    expect(after.integrationResponses).toBeUndefined();
  });
});

describe('IntegrationResponses', () => {
  async function withIntegration(name: string) {
    const ids = await petMethod(name);
    await clients.DEVELOPER.send(
      new PutMethodResponseCommand({
        ...ids,
        statusCode: '200',
        responseParameters: { 'method.response.header.Location': false },
      }),
    );
    await clients.DEVELOPER.send(new PutMethodResponseCommand({ ...ids, statusCode: '404' }));
    await clients.DEVELOPER.send(
      new PutIntegrationCommand({ ...ids, type: 'HTTP', integrationHttpMethod: 'GET', uri: 'https://example.com' }),
    );
    return ids;
  }

  it('puts, gets, updates and deletes; GetMethod and GetIntegration nest them', async () => {
    const ids = await withIntegration('IntegrationResponses');
    const put = await clients.DEVELOPER.send(
      new PutIntegrationResponseCommand({
        ...ids,
        statusCode: '200',
        selectionPattern: '2\\d{2}',
        responseParameters: { 'method.response.header.Location': 'integration.response.header.Location' },
        responseTemplates: { 'application/json': "$input.json('$')" },
      }),
    );
    expect(put.$metadata.httpStatusCode).toBe(201);
    expect(put).toMatchObject({
      statusCode: '200',
      selectionPattern: '2\\d{2}',
      responseParameters: { 'method.response.header.Location': 'integration.response.header.Location' },
    });
    const replaced = await clients.DEVELOPER.send(
      new PutIntegrationResponseCommand({ ...ids, statusCode: '404', selectionPattern: '404' }),
    );
    expect(replaced.selectionPattern).toBe('404');
    const again = await clients.DEVELOPER.send(
      new PutIntegrationResponseCommand({
        ...ids,
        statusCode: '404',
        selectionPattern: '4\\d{2}',
        contentHandling: 'CONVERT_TO_TEXT',
      }),
    );
    expect(again).toMatchObject({ selectionPattern: '4\\d{2}', contentHandling: 'CONVERT_TO_TEXT' });

    const updated = await clients.DEVELOPER.send(
      new UpdateIntegrationResponseCommand({
        ...ids,
        statusCode: '200',
        patchOperations: [
          { op: 'replace', path: '/selectionPattern', value: '' },
          { op: 'replace', path: '/responseParameters/method.response.header.Location', value: "'/pets'" },
          { op: 'add', path: '/responseTemplates/application~1xml', value: '<ok/>' },
          { op: 'replace', path: '/contentHandling', value: 'CONVERT_TO_BINARY' },
        ],
      }),
    );
    expect(updated.selectionPattern).toBeUndefined();
    expect(updated).toMatchObject({
      responseParameters: { 'method.response.header.Location': "'/pets'" },
      responseTemplates: { 'application/json': "$input.json('$')", 'application/xml': '<ok/>' },
      contentHandling: 'CONVERT_TO_BINARY',
    });

    expect(
      (await clients.VIEWER.send(new GetIntegrationResponseCommand({ ...ids, statusCode: '404' }))).selectionPattern,
    ).toBe('4\\d{2}');
    const method = await clients.DEVELOPER.send(new GetMethodCommand(ids));
    expect(Object.keys(method.methodIntegration?.integrationResponses ?? {})).toEqual(['200', '404']);
    const integration = await clients.DEVELOPER.send(new GetIntegrationCommand(ids));
    expect(integration.integrationResponses?.['200']?.contentHandling).toBe('CONVERT_TO_BINARY');

    const deleted = await clients.DEVELOPER.send(new DeleteIntegrationResponseCommand({ ...ids, statusCode: '404' }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    expect(
      await failure(clients.DEVELOPER.send(new GetIntegrationResponseCommand({ ...ids, statusCode: '404' }))),
    ).toEqual(notFound('Invalid Response status code specified'));
  });

  it('refuses undeclared codes and headers, bad patterns and missing integrations', async () => {
    const ids = await withIntegration('IntegrationResponse errors');
    expect(
      await failure(clients.DEVELOPER.send(new PutIntegrationResponseCommand({ ...ids, statusCode: '500' }))),
    ).toEqual(notFound('Invalid Response status code specified'));
    expect(
      await failure(
        clients.DEVELOPER.send(
          new PutIntegrationResponseCommand({
            ...ids,
            statusCode: '200',
            responseParameters: { 'method.response.header.Access-Control-Allow-Origin': "'*'" },
          }),
        ),
      ),
    ).toEqual(
      mapping('Invalid mapping expression parameter specified: method.response.header.Access-Control-Allow-Origin'),
    );
    expect(
      await failure(
        clients.DEVELOPER.send(
          new PutIntegrationResponseCommand({
            ...ids,
            statusCode: '200',
            responseParameters: { 'method.response.header.Location': 'method.request.path.petId' },
          }),
        ),
      ),
    ).toEqual(mapping('Invalid mapping expression specified: method.request.path.petId'));
    expect(
      await failure(
        clients.DEVELOPER.send(
          new PutIntegrationResponseCommand({ ...ids, statusCode: '200', selectionPattern: '([' }),
        ),
      ),
    ).toEqual(badRequest('Invalid selection pattern specified: (['));

    await clients.DEVELOPER.send(
      new PutIntegrationResponseCommand({ ...ids, statusCode: '200', selectionPattern: '2\\d{2}' }),
    );
    expect(
      await failure(
        clients.DEVELOPER.send(
          new UpdateIntegrationResponseCommand({
            ...ids,
            statusCode: '200',
            patchOperations: [
              { op: 'replace', path: '/selectionPattern', value: '200' },
              { op: 'add', path: '/responseParameters/method.response.header.X-Undeclared', value: "'x'" },
            ],
          }),
        ),
      ),
    ).toEqual(mapping('Invalid mapping expression parameter specified: method.response.header.X-Undeclared'));
    expect(
      await failure(
        clients.DEVELOPER.send(
          new UpdateIntegrationResponseCommand({
            ...ids,
            statusCode: '200',
            patchOperations: [{ op: 'replace', path: '/statusCode', value: '201' }],
          }),
        ),
      ),
    ).toEqual(badRequest('Invalid patch path /statusCode'));
    expect(
      (await clients.DEVELOPER.send(new GetIntegrationResponseCommand({ ...ids, statusCode: '200' }))).selectionPattern,
    ).toBe('2\\d{2}');
    expect(
      await failure(clients.VIEWER.send(new DeleteIntegrationResponseCommand({ ...ids, statusCode: '200' }))),
    ).toMatchObject({ name: 'AccessDeniedException', status: 403 });

    await clients.DEVELOPER.send(new DeleteIntegrationCommand(ids));
    expect(
      await failure(clients.DEVELOPER.send(new PutIntegrationResponseCommand({ ...ids, statusCode: '200' }))),
    ).toEqual(notFound('Invalid Integration identifier specified'));
    expect(
      await failure(clients.DEVELOPER.send(new GetIntegrationResponseCommand({ ...ids, statusCode: '200' }))),
    ).toEqual(notFound('Invalid Integration identifier specified'));
  });
});
