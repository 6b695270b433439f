import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { findDomainName } from './domain-name-input';
import { type DomainName, toDomainName } from './domain-name-shape';

export async function getDomainName(actor: Actor, domainName: string): Promise<DomainName> {
  authorize(actor, 'read');
  return toDomainName(await findDomainName(db(), domainName));
}
