// AWS's rules for a resource under a parent, with AWS's exact messages.
import type { Resource } from '@prisma/client';
import type { Tx } from '../../db/client';
import { badRequest, conflict } from '../errors';
import { isGreedy, isVariable } from './path-part';

export async function checkSiblingRules(tx: Tx, parent: Resource, pathPart: string, selfId?: string): Promise<void> {
  if (isGreedy(parent.pathPart)) {
    throw badRequest(`Cannot create a child of a resource with a greedy path variable: ${parent.pathPart}`);
  }
  const siblings = await tx.resource.findMany({
    where: { parentId: parent.id, id: selfId ? { not: selfId } : undefined },
  });
  if (siblings.some((s) => s.pathPart === pathPart)) {
    throw conflict(`Another resource with the same parent already has this name: ${pathPart}`);
  }
  const variableSibling = siblings.find((s) => isVariable(s.pathPart));
  if (isVariable(pathPart) && variableSibling) {
    throw badRequest(
      `A sibling (${variableSibling.pathPart}) of this resource already has a variable path part -- only one is allowed`,
    );
  }
}
