import { z } from 'zod';
import { db } from '../../db/client';
import { newResourceId } from '../../ids';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { findResource } from '../lookups';
import { parseInput } from '../validation';
import { checkSiblingRules } from './check-sibling-rules';
import { checkPathPart, childPath } from './path-part';
import { type Resource, toResource } from './resource-shape';

const createResourceInput = z.object({ pathPart: z.string().min(1).max(512) });

export async function createResource(
  actor: Actor,
  restApiId: string,
  parentId: string,
  input: unknown,
): Promise<Resource> {
  authorize(actor, 'edit');
  const { pathPart } = parseInput(createResourceInput, input);
  checkPathPart(pathPart);
  const row = await db().$transaction(async (tx) => {
    const parent = await findResource(tx, restApiId, parentId);
    await checkSiblingRules(tx, parent, pathPart);
    const resource = await tx.resource.create({
      data: { id: newResourceId(), restApiId, parentId, pathPart, path: childPath(parent.path, pathPart) },
    });
    await audit(tx, actor, {
      action: 'create-resource',
      targetType: 'Resource',
      targetId: resource.id,
      after: toResource(resource),
    });
    return resource;
  });
  return toResource(row);
}
