// The demo API seeded on a new installation: a PetStore with MOCK integrations, so there is something to look at,
// deploy and call before any backend exists. It is created once, on the first start against an empty database.
import { db } from '../../db/client';
import { newResourceId } from '../../ids';
import { SYSTEM_ACTOR } from '../actor';
import { audit } from '../audit';
import { createRestApi } from '../rest-apis/create-rest-api';

const PETS = [
  { id: 1, type: 'dog', price: 249.99 },
  { id: 2, type: 'cat', price: 124.99 },
  { id: 3, type: 'fish', price: 0.99 },
];

interface MockMethod {
  path: string;
  httpMethod: string;
  requestParameters?: Record<string, boolean>;
  responseTemplate: string;
}

const METHODS: MockMethod[] = [
  { path: '/pets', httpMethod: 'GET', responseTemplate: JSON.stringify(PETS) },
  {
    path: '/pets',
    httpMethod: 'POST',
    // In a response template $input is the integration's response: a MOCK has none, so this reports, not echoes.
    responseTemplate: '{"message": "success", "requestId": "$context.requestId"}',
  },
  {
    path: '/pets/{petId}',
    httpMethod: 'GET',
    requestParameters: { 'method.request.path.petId': true },
    responseTemplate: '{"id": $input.params(\'petId\'), "type": "dog", "price": 249.99}',
  },
];

export const DEMO_API_NAME = 'PetStore (demo)';

export async function seedDemoApi(): Promise<string> {
  const api = await createRestApi(SYSTEM_ACTOR, {
    name: DEMO_API_NAME,
    description: 'A demo API with MOCK integrations, seeded on first start.',
    endpointConfiguration: { types: ['REGIONAL'] },
  });
  await db().$transaction(async (tx) => {
    const pets = await tx.resource.create({
      data: { id: newResourceId(), restApiId: api.id, parentId: api.rootResourceId, pathPart: 'pets', path: '/pets' },
    });
    const pet = await tx.resource.create({
      data: { id: newResourceId(), restApiId: api.id, parentId: pets.id, pathPart: '{petId}', path: '/pets/{petId}' },
    });
    const resourceIds: Record<string, string> = { '/pets': pets.id, '/pets/{petId}': pet.id };
    for (const m of METHODS) {
      await tx.method.create({
        data: {
          restApiId: api.id,
          resourceId: resourceIds[m.path] as string,
          httpMethod: m.httpMethod,
          authorizationType: 'NONE',
          requestParameters: m.requestParameters ?? {},
          methodResponses: { create: { statusCode: '200', responseModels: { 'application/json': 'Empty' } } },
          integration: {
            create: {
              type: 'MOCK',
              passthroughBehavior: 'WHEN_NO_MATCH',
              requestTemplates: { 'application/json': '{"statusCode": 200}' },
              integrationResponses: {
                create: { statusCode: '200', responseTemplates: { 'application/json': m.responseTemplate } },
              },
            },
          },
        },
      });
    }
    await audit(tx, SYSTEM_ACTOR, {
      action: 'seed-demo-api',
      targetType: 'RestApi',
      targetId: api.id,
      after: { resources: Object.keys(resourceIds), methods: METHODS.map((m) => `${m.httpMethod} ${m.path}`) },
    });
  });
  return api.id;
}
