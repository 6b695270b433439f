import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { type Authorizer, toAuthorizer } from './authorizer-shape';
import { findAuthorizer } from './find-authorizer';

export async function getAuthorizer(actor: Actor, restApiId: string, authorizerId: string): Promise<Authorizer> {
  authorize(actor, 'read');
  return toAuthorizer(await findAuthorizer(db(), restApiId, authorizerId));
}
