// PutIntegrationResponse: sets (or replaces whole) how the integration's result maps onto one of the method's
// declared responses. The status code must be a method response of the method.
import { z } from 'zod';
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { findIntegration } from '../lookups';
import { checkStatusCode } from '../method-responses/status-code';
import { type IntegrationResponse, toIntegrationResponse } from '../methods/method-shape';
import { parseInput } from '../validation';
import { checkIntegrationResponse, methodResponseParameters } from './integration-response-input';

const putIntegrationResponseInput = z.object({
  selectionPattern: z.string().nullable().optional(),
  responseParameters: z.record(z.string(), z.string()).nullable().optional(),
  responseTemplates: z.record(z.string(), z.string()).nullable().optional(),
  contentHandling: z.string().nullable().optional(),
});

export async function putIntegrationResponse(
  actor: Actor,
  restApiId: string,
  resourceId: string,
  httpMethod: string,
  statusCode: string,
  input: unknown,
): Promise<IntegrationResponse> {
  authorize(actor, 'edit');
  checkStatusCode(statusCode);
  const data = parseInput(putIntegrationResponseInput, input);
  const fields = {
    selectionPattern: data.selectionPattern || null,
    responseParameters: data.responseParameters ?? {},
    responseTemplates: data.responseTemplates ?? {},
    contentHandling: data.contentHandling || null,
  };
  const row = await db().$transaction(async (tx) => {
    const { method, integration } = await findIntegration(tx, restApiId, resourceId, httpMethod);
    const declared = await methodResponseParameters(tx, method.id, statusCode);
    checkIntegrationResponse(fields, declared, 'putIntegrationResponseInput');
    const where = { integrationId_statusCode: { integrationId: integration.id, statusCode } };
    const existing = await tx.integrationResponse.findUnique({ where });
    const saved = await tx.integrationResponse.upsert({
      where,
      create: { integrationId: integration.id, statusCode, ...fields },
      update: fields,
    });
    await audit(tx, actor, {
      action: 'put-integration-response',
      targetType: 'IntegrationResponse',
      targetId: `${method.resourceId}/${method.httpMethod}/${statusCode}`,
      before: existing ? toIntegrationResponse(existing) : undefined,
      after: toIntegrationResponse(saved),
    });
    return saved;
  });
  return toIntegrationResponse(row);
}
