// An authorizer of an API, failing with AWS's NotFound messages.
import type { Tx } from '../../db/client';
import { notFound } from '../errors';
import { findRestApi } from '../lookups';

export async function findAuthorizer(tx: Tx, restApiId: string, authorizerId: string) {
  await findRestApi(tx, restApiId);
  const authorizer = await tx.authorizer.findFirst({ where: { id: authorizerId, restApiId } });
  if (!authorizer) throw notFound('Invalid Authorizer identifier specified');
  return authorizer;
}
