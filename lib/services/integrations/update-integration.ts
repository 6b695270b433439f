// UpdateIntegration: patch operations on a method's integration, all or nothing.
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { findIntegration } from '../lookups';
import { type Integration, toIntegration } from '../methods/method-shape';
import { parsePatchOperations } from '../patch/patch-operations';
import { fieldsFromRow, toIntegrationData } from './integration-fields';
import { checkIntegration } from './integration-input';
import { applyIntegrationPatch } from './integration-patch';

const INCLUDE = { integrationResponses: { orderBy: { statusCode: 'asc' } } } as const;

export async function updateIntegration(
  actor: Actor,
  restApiId: string,
  resourceId: string,
  httpMethod: string,
  input: unknown,
): Promise<Integration> {
  authorize(actor, 'edit');
  const operations = parsePatchOperations(input);
  const row = await db().$transaction(async (tx) => {
    const { method, integration } = await findIntegration(tx, restApiId, resourceId, httpMethod);
    const before = await tx.integration.findUniqueOrThrow({ where: { id: integration.id }, include: INCLUDE });
    const next = fieldsFromRow(before);
    for (const op of operations) applyIntegrationPatch(next, op, method.resourceId);
    const fields = checkIntegration(
      next,
      method.requestParameters as Record<string, unknown>,
      'updateIntegrationInput',
    );
    const after = await tx.integration.update({
      where: { id: before.id },
      data: toIntegrationData(fields),
      include: INCLUDE,
    });
    await audit(tx, actor, {
      action: 'update-integration',
      targetType: 'Integration',
      targetId: `${method.resourceId}/${method.httpMethod}`,
      before: toIntegration(before),
      after: toIntegration(after),
    });
    return after;
  });
  return toIntegration(row);
}
