// PutMethodResponse: declares a status code a method returns, with its headers and models (an existing one is a
// ConflictException, as in AWS).
import { z } from 'zod';
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { conflict } from '../errors';
import { checkMethodResponseParameterNames } from '../integrations/mapping-expressions';
import { findMethod } from '../lookups';
import { checkModels } from '../methods/method-input';
import { type MethodResponse, toMethodResponse } from '../methods/method-shape';
import { parseInput } from '../validation';
import { checkStatusCode } from './status-code';

const putMethodResponseInput = z.object({
  responseParameters: z.record(z.string(), z.boolean()).nullable().optional(),
  responseModels: z.record(z.string(), z.string()).nullable().optional(),
});

export async function putMethodResponse(
  actor: Actor,
  restApiId: string,
  resourceId: string,
  httpMethod: string,
  statusCode: string,
  input: unknown,
): Promise<MethodResponse> {
  authorize(actor, 'edit');
  checkStatusCode(statusCode);
  const data = parseInput(putMethodResponseInput, input);
  const responseParameters = data.responseParameters ?? {};
  const responseModels = data.responseModels ?? {};
  checkMethodResponseParameterNames(responseParameters);
  const row = await db().$transaction(async (tx) => {
    const method = await findMethod(tx, restApiId, resourceId, httpMethod);
    const existing = await tx.methodResponse.findUnique({
      where: { methodId_statusCode: { methodId: method.id, statusCode } },
    });
    if (existing) throw conflict('Response already exists for this resource');
    await checkModels(tx, restApiId, responseModels);
    const created = await tx.methodResponse.create({
      data: { methodId: method.id, statusCode, responseParameters, responseModels },
    });
    await audit(tx, actor, {
      action: 'put-method-response',
      targetType: 'MethodResponse',
      targetId: `${method.resourceId}/${method.httpMethod}/${statusCode}`,
      after: toMethodResponse(created),
    });
    return created;
  });
  return toMethodResponse(row);
}
