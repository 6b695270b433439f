import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { restApiNotFound } from './not-found';
import { type RestApi, toRestApi } from './rest-api-shape';

export async function getRestApi(actor: Actor, restApiId: string): Promise<RestApi> {
  authorize(actor, 'read');
  const row = await db().restApi.findUnique({ where: { id: restApiId } });
  if (!row) throw restApiNotFound(restApiId);
  return toRestApi(row);
}
