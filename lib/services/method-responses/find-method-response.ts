// The method response of a method's status code, under AWS's NotFound messages for every parent.
import type { Tx } from '../../db/client';
import { findMethod } from '../lookups';
import { responseNotFound } from './status-code';

export async function findMethodResponse(
  tx: Tx,
  restApiId: string,
  resourceId: string,
  httpMethod: string,
  statusCode: string,
) {
  const method = await findMethod(tx, restApiId, resourceId, httpMethod);
  const methodResponse = await tx.methodResponse.findUnique({
    where: { methodId_statusCode: { methodId: method.id, statusCode } },
  });
  if (!methodResponse) throw responseNotFound();
  return { method, methodResponse };
}
