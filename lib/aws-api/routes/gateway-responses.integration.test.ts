// Gateway responses through the real AWS SDK over HTTP, with AWS's defaults, error names and messages.
import {
  CreateRestApiCommand,
  DeleteGatewayResponseCommand,
  type GatewayResponseType,
  GetGatewayResponseCommand,
  GetGatewayResponsesCommand,
  PutGatewayResponseCommand,
  UpdateGatewayResponseCommand,
} from '@aws-sdk/client-api-gateway';
import { describe, expect, it } from 'vitest';
import { db } from '../../db/client';
import { GATEWAY_RESPONSE_TYPES } from '../../gateway/gateway-response-types';
import { sdkFailure as failure, withManagementApi } from '../../testing/management-api';

const { clients } = withManagementApi(['DEVELOPER', 'VIEWER'] as const);

const DEFAULT_TEMPLATES = { 'application/json': '{"message":$context.error.messageString}' };
const CUSTOM_TEMPLATE = '{"message": $context.error.messageString, "type": "$context.error.responseType"}';
const PARAMETERS = {
  'gatewayresponse.header.Access-Control-Allow-Origin': "'a.b.c'",
  'gatewayresponse.header.x-request-header': 'method.request.header.Accept',
  'gatewayresponse.header.x-request-path': 'method.request.path.petId',
  'gatewayresponse.header.x-request-query': 'method.request.querystring.q',
};

async function newApi(name: string): Promise<string> {
  return (await clients.DEVELOPER.send(new CreateRestApiCommand({ name }))).id as string;
}

const strip = <T extends { $metadata?: unknown }>({ $metadata: _, ...rest }: T) => rest;

describe('Gateway responses', () => {
  it('reports AWS’s defaults for every type, in name order', async () => {
    const restApiId = await newApi('Defaults');
    const listed = await clients.VIEWER.send(new GetGatewayResponsesCommand({ restApiId }));
    expect(listed.items?.map((r) => r.responseType)).toEqual([...GATEWAY_RESPONSE_TYPES].sort());
    expect(listed.items?.find((r) => r.responseType === 'ACCESS_DENIED')).toEqual({
      defaultResponse: true,
      responseParameters: {},
      responseTemplates: DEFAULT_TEMPLATES,
      responseType: 'ACCESS_DENIED',
      statusCode: '403',
    });
    expect(listed.items?.find((r) => r.responseType === 'DEFAULT_4XX')).toEqual({
      defaultResponse: true,
      responseParameters: {},
      responseTemplates: DEFAULT_TEMPLATES,
      responseType: 'DEFAULT_4XX',
    });
    expect(
      strip(
        await clients.VIEWER.send(
          new GetGatewayResponseCommand({ restApiId, responseType: 'MISSING_AUTHENTICATION_TOKEN' }),
        ),
      ),
    ).toEqual({
      defaultResponse: true,
      responseParameters: {},
      responseTemplates: DEFAULT_TEMPLATES,
      responseType: 'MISSING_AUTHENTICATION_TOKEN',
      statusCode: '403',
    });
  });

  it('put, get, list and delete back to the default', async () => {
    const restApiId = await newApi('Customised');
    const put = await clients.DEVELOPER.send(
      new PutGatewayResponseCommand({
        restApiId,
        responseType: 'MISSING_AUTHENTICATION_TOKEN',
        statusCode: '404',
        responseParameters: PARAMETERS,
        responseTemplates: { 'application/json': CUSTOM_TEMPLATE },
      }),
    );
    expect(put.$metadata.httpStatusCode).toBe(201);
    const expected = {
      defaultResponse: false,
      responseParameters: PARAMETERS,
      responseTemplates: { 'application/json': CUSTOM_TEMPLATE },
      responseType: 'MISSING_AUTHENTICATION_TOKEN',
      statusCode: '404',
    };
    expect(strip(put)).toEqual(expected);
    expect(
      strip(
        await clients.DEVELOPER.send(
          new GetGatewayResponseCommand({ restApiId, responseType: 'MISSING_AUTHENTICATION_TOKEN' }),
        ),
      ),
    ).toEqual(expected);
    const listed = await clients.DEVELOPER.send(new GetGatewayResponsesCommand({ restApiId }));
    expect(listed.items?.find((r) => r.responseType === 'MISSING_AUTHENTICATION_TOKEN')).toEqual(expected);

    // fields left out take the type's built-in defaults
    const statusOnly = await clients.DEVELOPER.send(
      new PutGatewayResponseCommand({ restApiId, responseType: 'MISSING_AUTHENTICATION_TOKEN', statusCode: '404' }),
    );
    expect(strip(statusOnly)).toEqual({ ...expected, responseParameters: {}, responseTemplates: DEFAULT_TEMPLATES });
    const parametersOnly = await clients.DEVELOPER.send(
      new PutGatewayResponseCommand({
        restApiId,
        responseType: 'THROTTLED',
        responseParameters: { 'gatewayresponse.header.Retry-After': "'1'" },
      }),
    );
    expect(parametersOnly).toMatchObject({ statusCode: '429', responseTemplates: DEFAULT_TEMPLATES });

    const deleted = await clients.DEVELOPER.send(
      new DeleteGatewayResponseCommand({ restApiId, responseType: 'MISSING_AUTHENTICATION_TOKEN' }),
    );
    expect(deleted.$metadata.httpStatusCode).toBe(202);
    expect(
      await clients.DEVELOPER.send(
        new GetGatewayResponseCommand({ restApiId, responseType: 'MISSING_AUTHENTICATION_TOKEN' }),
      ),
    ).toMatchObject({ defaultResponse: true, statusCode: '403', responseParameters: {} });
    expect(
      await failure(
        clients.DEVELOPER.send(
          new DeleteGatewayResponseCommand({ restApiId, responseType: 'MISSING_AUTHENTICATION_TOKEN' }),
        ),
      ),
    ).toEqual({ name: 'NotFoundException', message: 'Gateway response type not defined on api', status: 404 });

    const audits = await db().auditLog.findMany({
      where: { targetType: 'GatewayResponse', targetId: `${restApiId}/MISSING_AUTHENTICATION_TOKEN` },
    });
    expect(audits.map((a) => a.action).sort()).toEqual([
      'delete-gateway-response',
      'put-gateway-response',
      'put-gateway-response',
    ]);
  });

  it('types not customised inherit a customised DEFAULT_5XX, still as defaults', async () => {
    const restApiId = await newApi('Inherited');
    const put = await clients.DEVELOPER.send(
      new PutGatewayResponseCommand({
        restApiId,
        responseType: 'DEFAULT_5XX',
        statusCode: '599',
        responseParameters: { 'gatewayresponse.header.x-request-header': 'method.request.header.Accept' },
        responseTemplates: { 'application/json': CUSTOM_TEMPLATE },
      }),
    );
    expect(put).toMatchObject({ responseType: 'DEFAULT_5XX', statusCode: '599', defaultResponse: false });
    await clients.DEVELOPER.send(
      new PutGatewayResponseCommand({
        restApiId,
        responseType: 'AUTHORIZER_FAILURE',
        responseParameters: { 'gatewayresponse.header.foo': "'bar'" },
      }),
    );
    const items = (await clients.DEVELOPER.send(new GetGatewayResponsesCommand({ restApiId }))).items ?? [];
    const byType = (type: string) => items.find((r) => r.responseType === type);
    expect(byType('INTEGRATION_TIMEOUT')).toEqual({
      defaultResponse: true,
      responseParameters: { 'gatewayresponse.header.x-request-header': 'method.request.header.Accept' },
      responseTemplates: { 'application/json': CUSTOM_TEMPLATE },
      responseType: 'INTEGRATION_TIMEOUT',
      statusCode: '599',
    });
    expect(byType('AUTHORIZER_FAILURE')).toEqual({
      defaultResponse: false,
      responseParameters: { 'gatewayresponse.header.foo': "'bar'" },
      responseTemplates: DEFAULT_TEMPLATES,
      responseType: 'AUTHORIZER_FAILURE',
      statusCode: '500',
    });
    expect(byType('THROTTLED')).toMatchObject({ defaultResponse: true, statusCode: '429', responseParameters: {} });
  });

  it('update starts a type that is not customised from its default', async () => {
    const restApiId = await newApi('Updated');
    const updated = await clients.DEVELOPER.send(
      new UpdateGatewayResponseCommand({
        restApiId,
        responseType: 'DEFAULT_4XX',
        patchOperations: [{ op: 'replace', path: '/statusCode', value: '444' }],
      }),
    );
    expect(strip(updated)).toEqual({
      defaultResponse: false,
      responseParameters: {},
      responseTemplates: DEFAULT_TEMPLATES,
      responseType: 'DEFAULT_4XX',
      statusCode: '444',
    });
    const patched = await clients.DEVELOPER.send(
      new UpdateGatewayResponseCommand({
        restApiId,
        responseType: 'DEFAULT_4XX',
        patchOperations: [
          { op: 'add', path: '/responseParameters/gatewayresponse.header.Access-Control-Allow-Origin', value: "'*'" },
          {
            op: 'add',
            path: '/responseTemplates/application~1xml',
            value: '<message>$context.error.messageString</message>',
          },
        ],
      }),
    );
    expect(patched).toMatchObject({
      responseParameters: { 'gatewayresponse.header.Access-Control-Allow-Origin': "'*'" },
      responseTemplates: {
        ...DEFAULT_TEMPLATES,
        'application/xml': '<message>$context.error.messageString</message>',
      },
    });
    const removed = await clients.DEVELOPER.send(
      new UpdateGatewayResponseCommand({
        restApiId,
        responseType: 'DEFAULT_4XX',
        patchOperations: [{ op: 'remove', path: '/responseTemplates/application~1xml' }],
      }),
    );
    expect(removed.responseTemplates).toEqual(DEFAULT_TEMPLATES);
    // the customised DEFAULT_4XX code now stands in for the 4xx types
    expect(
      await clients.DEVELOPER.send(new GetGatewayResponseCommand({ restApiId, responseType: 'THROTTLED' })),
    ).toMatchObject({
      defaultResponse: true,
      statusCode: '444',
      responseParameters: { 'gatewayresponse.header.Access-Control-Allow-Origin': "'*'" },
    });
  });

  it('refuses invalid input and invalid patches, changing nothing', async () => {
    const restApiId = await newApi('Invalid');
    const fake = 'FAKE_RESPONSE_TYPE' as GatewayResponseType;
    const validation = {
      name: 'BadRequestException',
      message: `1 validation error detected: Value 'FAKE_RESPONSE_TYPE' at 'responseType' failed to satisfy constraint: Member must satisfy enum value set: [${GATEWAY_RESPONSE_TYPES.join(', ')}]`,
      status: 400,
    };
    expect(
      await failure(clients.DEVELOPER.send(new GetGatewayResponseCommand({ restApiId, responseType: fake }))),
    ).toEqual(validation);
    expect(
      await failure(clients.DEVELOPER.send(new PutGatewayResponseCommand({ restApiId, responseType: fake }))),
    ).toEqual(validation);
    expect(
      await failure(clients.DEVELOPER.send(new DeleteGatewayResponseCommand({ restApiId, responseType: fake }))),
    ).toEqual(validation);
    expect(await failure(clients.DEVELOPER.send(new GetGatewayResponsesCommand({ restApiId: 'fake-api-id' })))).toEqual(
      {
        name: 'NotFoundException',
        message: 'Invalid API identifier specified 123456789012:fake-api-id',
        status: 404,
      },
    );
    expect(
      await failure(
        clients.DEVELOPER.send(
          new PutGatewayResponseCommand({ restApiId, responseType: 'THROTTLED', statusCode: '42' }),
        ),
      ),
    ).toMatchObject({ name: 'BadRequestException', status: 400 });
    expect(
      await failure(
        clients.DEVELOPER.send(
          new PutGatewayResponseCommand({
            restApiId,
            responseType: 'THROTTLED',
            responseParameters: { 'gatewayresponse.header.x': 'not a source' },
          }),
        ),
      ),
    ).toMatchObject({ name: 'BadRequestException', status: 400 });

    await clients.DEVELOPER.send(
      new PutGatewayResponseCommand({ restApiId, responseType: 'DEFAULT_4XX', statusCode: '404' }),
    );
    const update = (patchOperations: { op: 'add' | 'replace' | 'remove'; path: string; value?: string }[]) =>
      failure(
        clients.DEVELOPER.send(
          new UpdateGatewayResponseCommand({ restApiId, responseType: 'DEFAULT_4XX', patchOperations }),
        ),
      );
    expect(await update([{ op: 'add', path: '/statusCode', value: '444' }])).toEqual({
      name: 'BadRequestException',
      message: 'Invalid patch path /statusCode',
      status: 400,
    });
    expect(await update([{ op: 'remove', path: '/statusCode' }])).toEqual({
      name: 'BadRequestException',
      message: 'Invalid patch path /statusCode',
      status: 400,
    });
    expect(
      await update([
        { op: 'replace', path: '/statusCode', value: '444' },
        { op: 'replace', path: '/responseParameters/gatewayresponse.header.missing', value: "'x'" },
      ]),
    ).toEqual({ name: 'NotFoundException', message: 'Invalid parameter name specified', status: 404 });
    expect(
      await update([
        { op: 'replace', path: '/statusCode', value: '444' },
        { op: 'add', path: '/responseTemplates/application~1json' },
      ]),
    ).toEqual({
      name: 'BadRequestException',
      message: 'Invalid null or empty value in responseTemplates',
      status: 400,
    });
    expect(await update([{ op: 'replace', path: '/wrongPath', value: 'x' }])).toEqual({
      name: 'BadRequestException',
      message: 'Invalid patch path /wrongPath',
      status: 400,
    });
    expect(
      await clients.DEVELOPER.send(new GetGatewayResponseCommand({ restApiId, responseType: 'DEFAULT_4XX' })),
    ).toMatchObject({
      statusCode: '404',
      responseTemplates: DEFAULT_TEMPLATES,
    });
  });

  it('a Viewer is refused writes', async () => {
    const restApiId = await newApi('Viewer');
    expect(
      await failure(clients.VIEWER.send(new PutGatewayResponseCommand({ restApiId, responseType: 'THROTTLED' }))),
    ).toMatchObject({ name: 'AccessDeniedException', status: 403 });
    expect(
      await failure(
        clients.VIEWER.send(
          new UpdateGatewayResponseCommand({
            restApiId,
            responseType: 'THROTTLED',
            patchOperations: [{ op: 'replace', path: '/statusCode', value: '430' }],
          }),
        ),
      ),
    ).toMatchObject({ name: 'AccessDeniedException', status: 403 });
  });
});
