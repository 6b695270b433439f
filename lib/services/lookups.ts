// Finding the parent rows an operation works under, failing with AWS's exact NotFoundException messages.
import type { Tx } from '../db/client';
import { notFound } from './errors';
import { restApiNotFound } from './rest-apis/not-found';

export async function findRestApi(tx: Tx, restApiId: string) {
  const api = await tx.restApi.findUnique({ where: { id: restApiId } });
  if (!api) throw restApiNotFound(restApiId);
  return api;
}

export async function findResource(tx: Tx, restApiId: string, resourceId: string) {
  await findRestApi(tx, restApiId);
  const resource = await tx.resource.findFirst({ where: { id: resourceId, restApiId } });
  if (!resource) throw notFound('Invalid Resource identifier specified');
  return resource;
}

export async function findMethod(tx: Tx, restApiId: string, resourceId: string, httpMethod: string) {
  const resource = await findResource(tx, restApiId, resourceId);
  const method = await tx.method.findUnique({
    where: { resourceId_httpMethod: { resourceId: resource.id, httpMethod: httpMethod.toUpperCase() } },
  });
  if (!method) throw notFound('Invalid Method identifier specified');
  return method;
}

export async function findIntegration(tx: Tx, restApiId: string, resourceId: string, httpMethod: string) {
  const method = await findMethod(tx, restApiId, resourceId, httpMethod);
  const integration = await tx.integration.findUnique({ where: { methodId: method.id } });
  if (!integration) throw notFound('Invalid Integration identifier specified');
  return { method, integration };
}
