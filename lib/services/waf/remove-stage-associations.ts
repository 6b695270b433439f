// When a stage (or its whole API) is deleted, its web ACL associations go with it, in the deleting transaction: the
// stages are locked first (FOR UPDATE), so that an AssociateWebACL running at the same time — which locks the stage
// too — either finishes before and is removed here, or runs after and finds no stage. Gateways hear of it.
import type { Tx } from '../../db/client';
import type { Actor } from '../actor';
import { audit } from '../audit';
import { notifyConfigChange } from '../config-changes';
import { parseResourceArn } from './waf-arns';

/** Removes the associations of one stage, or of every stage of the API; answers how many there were. */
export async function removeStageAssociations(
  tx: Tx,
  actor: Actor,
  restApiId: string,
  stageName?: string,
): Promise<number> {
  if (stageName === undefined) {
    await tx.$queryRaw`SELECT "id" FROM "Stage" WHERE "restApiId" = ${restApiId} FOR UPDATE`;
  } else {
    await tx.$queryRaw`SELECT "id" FROM "Stage" WHERE "restApiId" = ${restApiId} AND "stageName" = ${stageName} FOR UPDATE`;
  }
  // matched on the ARN's path, whatever region it was written with, then checked exactly
  const candidates = await tx.webAclAssociation.findMany({
    where: { resourceArn: { contains: `::/restapis/${restApiId}/stages/` } },
    include: { webAcl: { select: { name: true } } },
  });
  const removed = candidates.filter((row) => {
    const parsed = parseResourceArn(row.resourceArn);
    return (
      parsed.kind === 'stage' &&
      parsed.restApiId === restApiId &&
      (stageName === undefined || parsed.stageName === stageName)
    );
  });
  if (removed.length === 0) return 0;
  await tx.webAclAssociation.deleteMany({ where: { resourceArn: { in: removed.map((row) => row.resourceArn) } } });
  for (const row of removed) {
    await audit(tx, actor, {
      action: 'disassociate-web-acl',
      targetType: 'WebAclAssociation',
      targetId: row.resourceArn,
      before: { ResourceArn: row.resourceArn, WebAclId: row.webAclId, WebAclName: row.webAcl.name },
    });
  }
  await notifyConfigChange(tx, { kind: 'waf' });
  return removed.length;
}
