// PutMethod: a new method on a resource (an existing one is a ConflictException, as in AWS).
import { z } from 'zod';
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { conflict } from '../errors';
import { findResource } from '../lookups';
import { parseInput } from '../validation';
import {
  checkAuthorization,
  checkModels,
  checkRequestParameterName,
  checkRequestValidator,
  normalizeHttpMethod,
} from './method-input';
import { METHOD_INCLUDE, type Method, toMethod } from './method-shape';

const putMethodInput = z.object({
  authorizationType: z.string().min(1),
  authorizerId: z.string().nullable().optional(),
  apiKeyRequired: z.boolean().optional(),
  operationName: z.string().max(1024).optional(),
  requestParameters: z.record(z.string(), z.boolean()).optional(),
  requestModels: z.record(z.string(), z.string()).optional(),
  requestValidatorId: z.string().nullable().optional(),
  authorizationScopes: z.array(z.string()).optional(),
});

export async function putMethod(
  actor: Actor,
  restApiId: string,
  resourceId: string,
  httpMethodRaw: string,
  input: unknown,
): Promise<Method> {
  authorize(actor, 'edit');
  const httpMethod = normalizeHttpMethod(httpMethodRaw);
  const data = parseInput(putMethodInput, input);
  for (const name of Object.keys(data.requestParameters ?? {})) checkRequestParameterName(name);
  const row = await db().$transaction(async (tx) => {
    const resource = await findResource(tx, restApiId, resourceId);
    const existing = await tx.method.findUnique({
      where: { resourceId_httpMethod: { resourceId: resource.id, httpMethod } },
    });
    if (existing) throw conflict('Method already exists for this resource');
    await checkAuthorization(tx, restApiId, data.authorizationType, data.authorizerId);
    await checkRequestValidator(tx, restApiId, data.requestValidatorId);
    await checkModels(tx, restApiId, data.requestModels ?? {});
    const usesAuthorizer = data.authorizationType === 'CUSTOM' || data.authorizationType === 'COGNITO_USER_POOLS';
    const method = await tx.method.create({
      data: {
        restApiId,
        resourceId,
        httpMethod,
        authorizationType: data.authorizationType,
        authorizerId: usesAuthorizer ? data.authorizerId : null,
        apiKeyRequired: data.apiKeyRequired ?? false,
        operationName: data.operationName,
        requestParameters: data.requestParameters ?? {},
        requestModels: data.requestModels ?? {},
        requestValidatorId: data.requestValidatorId || null,
        authorizationScopes: data.authorizationScopes ?? [],
      },
      include: METHOD_INCLUDE,
    });
    await audit(tx, actor, {
      action: 'put-method',
      targetType: 'Method',
      targetId: `${resourceId}/${httpMethod}`,
      after: toMethod(method),
    });
    return method;
  });
  return toMethod(row);
}
