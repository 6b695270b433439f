// GetIntegration: a method's integration with its integration responses.
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { findIntegration } from '../lookups';
import { type Integration, toIntegration } from '../methods/method-shape';

export async function getIntegration(
  actor: Actor,
  restApiId: string,
  resourceId: string,
  httpMethod: string,
): Promise<Integration> {
  authorize(actor, 'read');
  const { integration } = await findIntegration(db(), restApiId, resourceId, httpMethod);
  return toIntegration(
    await db().integration.findUniqueOrThrow({
      where: { id: integration.id },
      include: { integrationResponses: { orderBy: { statusCode: 'asc' } } },
    }),
  );
}
