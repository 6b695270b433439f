// UpdateResource: `/pathPart` renames, `/parentId` moves; the paths of the resource and all its descendants follow.
import { db, type Tx } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { badRequest } from '../errors';
import { findResource } from '../lookups';
import {
  invalidPatchPath,
  parsePatchOperations,
  requireValue,
  splitPatchPath,
  unsupportedOperation,
} from '../patch/patch-operations';
import { checkSiblingRules } from './check-sibling-rules';
import { checkPathPart, childPath } from './path-part';
import { type Resource, toResource } from './resource-shape';

async function rewriteDescendantPaths(tx: Tx, restApiId: string, oldPath: string, newPath: string): Promise<void> {
  const descendants = await tx.resource.findMany({ where: { restApiId, path: { startsWith: `${oldPath}/` } } });
  for (const d of descendants) {
    await tx.resource.update({ where: { id: d.id }, data: { path: newPath + d.path.slice(oldPath.length) } });
  }
}

export async function updateResource(
  actor: Actor,
  restApiId: string,
  resourceId: string,
  input: unknown,
): Promise<Resource> {
  authorize(actor, 'edit');
  const operations = parsePatchOperations(input);
  const row = await db().$transaction(async (tx) => {
    const before = await findResource(tx, restApiId, resourceId);
    if (!before.parentId) throw badRequest('The root resource cannot be changed');
    let pathPart = before.pathPart as string;
    let parentId = before.parentId;
    for (const op of operations) {
      if (op.op !== 'replace') throw unsupportedOperation(op);
      const [field, ...rest] = splitPatchPath(op.path);
      if (rest.length > 0) throw invalidPatchPath(op);
      if (field === 'pathPart') pathPart = requireValue(op);
      else if (field === 'parentId') parentId = requireValue(op);
      else throw invalidPatchPath(op);
    }
    checkPathPart(pathPart);
    const parent = await findResource(tx, restApiId, parentId);
    if (parent.id === resourceId || parent.path.startsWith(`${before.path}/`)) {
      throw badRequest('A resource cannot be moved under itself');
    }
    await checkSiblingRules(tx, parent, pathPart, resourceId);
    const path = childPath(parent.path, pathPart);
    const children = await tx.resource.count({ where: { parentId: resourceId } });
    if (children > 0 && pathPart.endsWith('+}')) {
      throw badRequest(`Cannot create a child of a resource with a greedy path variable: ${pathPart}`);
    }
    const after = await tx.resource.update({ where: { id: resourceId }, data: { pathPart, parentId, path } });
    await rewriteDescendantPaths(tx, restApiId, before.path, path);
    await audit(tx, actor, {
      action: 'update-resource',
      targetType: 'Resource',
      targetId: resourceId,
      before: toResource(before),
      after: toResource(after),
    });
    return after;
  });
  return toResource(row);
}
