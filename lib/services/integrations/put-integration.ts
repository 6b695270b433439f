// PutIntegration: sets a method's integration. An existing one is replaced whole, its integration responses
// included: nothing of the old integration survives, as in AWS.
import { z } from 'zod';
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { findMethod } from '../lookups';
import { type Integration, toIntegration } from '../methods/method-shape';
import { parseInput } from '../validation';
import { toIntegrationData } from './integration-fields';
import { checkIntegration } from './integration-input';

const putIntegrationInput = z.object({
  type: z.string(),
  /** the integration verb: the SDK's `integrationHttpMethod` is `httpMethod` on the wire */
  httpMethod: z.string().nullable().optional(),
  uri: z.string().nullable().optional(),
  credentials: z.string().nullable().optional(),
  connectionType: z.string().nullable().optional(),
  connectionId: z.string().nullable().optional(),
  requestParameters: z.record(z.string(), z.string()).nullable().optional(),
  requestTemplates: z.record(z.string(), z.string()).nullable().optional(),
  passthroughBehavior: z.string().nullable().optional(),
  contentHandling: z.string().nullable().optional(),
  timeoutInMillis: z.number().int().nullable().optional(),
  cacheNamespace: z.string().nullable().optional(),
  cacheKeyParameters: z.array(z.string()).nullable().optional(),
  tlsConfig: z.object({ insecureSkipVerification: z.boolean().optional() }).nullable().optional(),
});

export async function putIntegration(
  actor: Actor,
  restApiId: string,
  resourceId: string,
  httpMethod: string,
  input: unknown,
): Promise<Integration> {
  authorize(actor, 'edit');
  const data = parseInput(putIntegrationInput, input);
  const row = await db().$transaction(async (tx) => {
    const method = await findMethod(tx, restApiId, resourceId, httpMethod);
    const fields = checkIntegration(
      {
        type: data.type,
        httpMethod: data.httpMethod || null,
        uri: data.uri || null,
        credentials: data.credentials || null,
        connectionType: data.connectionType || 'INTERNET',
        connectionId: data.connectionId || null,
        requestParameters: data.requestParameters ?? {},
        requestTemplates: data.requestTemplates ?? {},
        passthroughBehavior: data.passthroughBehavior || 'WHEN_NO_MATCH',
        contentHandling: data.contentHandling || null,
        timeoutInMillis: data.timeoutInMillis ?? 29000,
        cacheNamespace: data.cacheNamespace || method.resourceId,
        cacheKeyParameters: [...new Set(data.cacheKeyParameters ?? [])],
        tlsConfig: data.tlsConfig ?? null,
      },
      method.requestParameters as Record<string, unknown>,
      'putIntegrationInput',
    );
    const existing = await tx.integration.findUnique({
      where: { methodId: method.id },
      include: { integrationResponses: { orderBy: { statusCode: 'asc' } } },
    });
    if (existing) await tx.integration.delete({ where: { id: existing.id } });
    const integration = await tx.integration.create({
      data: { methodId: method.id, ...toIntegrationData(fields) },
      include: { integrationResponses: true },
    });
    await audit(tx, actor, {
      action: 'put-integration',
      targetType: 'Integration',
      targetId: `${method.resourceId}/${method.httpMethod}`,
      before: existing ? toIntegration(existing) : undefined,
      after: toIntegration(integration),
    });
    return integration;
  });
  return toIntegration(row);
}
