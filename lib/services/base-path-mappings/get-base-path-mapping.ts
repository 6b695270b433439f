import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { findDomainName } from '../domain-names/domain-name-input';
import { findBasePathMapping } from './base-path-input';
import { type BasePathMapping, toBasePathMapping } from './base-path-mapping-shape';

/** `basePath` as addressed in the URL: "(none)" for the empty base path. */
export async function getBasePathMapping(actor: Actor, domainName: string, basePath: string): Promise<BasePathMapping> {
  authorize(actor, 'read');
  const domain = await findDomainName(db(), domainName);
  return toBasePathMapping(await findBasePathMapping(db(), domain.domainName, basePath));
}
