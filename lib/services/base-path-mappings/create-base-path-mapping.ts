// CreateBasePathMapping: maps a base path of a custom domain name to an API (and optionally one of its stages).
import { z } from 'zod';
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { notifyConfigChange } from '../config-changes';
import { findDomainName } from '../domain-names/domain-name-input';
import { parseInput } from '../validation';
import { checkBasePath, checkBasePathFree, checkMultiLevel, checkTarget, toStoredBasePath } from './base-path-input';
import { type BasePathMapping, toBasePathMapping, toWireBasePath } from './base-path-mapping-shape';

const createBasePathMappingInput = z.object({
  basePath: z.string().nullable().optional(),
  restApiId: z.string().min(1, 'Member must not be blank'),
  stage: z.string().nullable().optional(),
});

export async function createBasePathMapping(
  actor: Actor,
  domainNameRaw: string,
  input: unknown,
): Promise<BasePathMapping> {
  authorize(actor, 'edit');
  const data = parseInput(createBasePathMappingInput, input);
  const basePath = toStoredBasePath(data.basePath);
  checkBasePath(basePath);
  const stage = data.stage || null;
  const row = await db().$transaction(async (tx) => {
    const domain = await findDomainName(tx, domainNameRaw);
    await checkTarget(tx, data.restApiId, stage);
    checkMultiLevel(basePath, domain);
    await checkBasePathFree(tx, domain.domainName, basePath);
    const mapping = await tx.basePathMapping.create({
      data: { domainName: domain.domainName, basePath, restApiId: data.restApiId, stage },
    });
    await notifyConfigChange(tx, { kind: 'domain', domainName: domain.domainName });
    await audit(tx, actor, {
      action: 'create-base-path-mapping',
      targetType: 'BasePathMapping',
      targetId: `${domain.domainName}/${toWireBasePath(basePath)}`,
      after: toBasePathMapping(mapping),
    });
    return mapping;
  });
  return toBasePathMapping(row);
}
