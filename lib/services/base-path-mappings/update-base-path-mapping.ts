// UpdateBasePathMapping: replace /basePath, /restapiId (AWS's spelling) or /stage, all or nothing.
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { notifyConfigChange } from '../config-changes';
import { findDomainName } from '../domain-names/domain-name-input';
import {
  invalidPatchPath,
  type PatchOperation,
  parsePatchOperations,
  patchScalar,
  requireValue,
  splitPatchPath,
  unsupportedOperation,
} from '../patch/patch-operations';
import {
  checkBasePath,
  checkBasePathFree,
  checkMultiLevel,
  checkTarget,
  findBasePathMapping,
  toStoredBasePath,
} from './base-path-input';
import { type BasePathMapping, toBasePathMapping, toWireBasePath } from './base-path-mapping-shape';

/** basePath and restapiId can only be replaced (a mapping always has both). */
function replaced(op: PatchOperation): string {
  if (op.op !== 'replace' && op.op !== 'add') throw unsupportedOperation(op);
  return requireValue(op);
}

export async function updateBasePathMapping(
  actor: Actor,
  domainName: string,
  basePathRaw: string,
  input: unknown,
): Promise<BasePathMapping> {
  authorize(actor, 'edit');
  const operations = parsePatchOperations(input);
  const row = await db().$transaction(async (tx) => {
    const domain = await findDomainName(tx, domainName);
    const before = await findBasePathMapping(tx, domain.domainName, basePathRaw);
    const next = { basePath: before.basePath, restApiId: before.restApiId, stage: before.stage };
    for (const op of operations) {
      const [field, ...rest] = splitPatchPath(op.path);
      if (rest.length > 0) throw invalidPatchPath(op);
      switch (field) {
        case 'basePath':
          next.basePath = toStoredBasePath(replaced(op));
          checkBasePath(next.basePath);
          break;
        case 'restapiId':
        case 'restApiId':
          next.restApiId = replaced(op);
          break;
        case 'stage': {
          const stage = patchScalar(op, requireValue);
          next.stage = stage || null;
          break;
        }
        default:
          throw invalidPatchPath(op);
      }
    }
    if (next.restApiId !== before.restApiId || next.stage !== before.stage) {
      await checkTarget(tx, next.restApiId, next.stage);
    }
    if (next.basePath !== before.basePath) {
      checkMultiLevel(next.basePath, domain);
      await checkBasePathFree(tx, domain.domainName, next.basePath);
    }
    const after = await tx.basePathMapping.update({ where: { id: before.id }, data: next });
    await notifyConfigChange(tx, { kind: 'domain', domainName: domain.domainName });
    await audit(tx, actor, {
      action: 'update-base-path-mapping',
      targetType: 'BasePathMapping',
      targetId: `${domain.domainName}/${toWireBasePath(before.basePath)}`,
      before: toBasePathMapping(before),
      after: toBasePathMapping(after),
    });
    return after;
  });
  return toBasePathMapping(row);
}
