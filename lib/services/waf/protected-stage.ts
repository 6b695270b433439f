// The resource a web ACL protects, from its ARN: in Portico, an existing API Gateway stage of this region. A
// malformed ARN, or one of a resource no web ACL can protect, is WAFInvalidParameterException; a well-formed ARN of
// a stage that does not exist (or of another region, or of a resource type Portico does not have, like a load
// balancer) is WAFNonexistentItemException.
import type { Stage } from '@prisma/client';
import { config } from '../../config';
import type { Tx } from '../../db/client';
import { parseResourceArn, stageArn } from './waf-arns';
import { arnNotValid, nonexistentItem } from './waf-errors';

export interface ProtectedStage {
  stage: Stage;
  /** the stage's ARN, as associations are keyed */
  resourceArn: string;
}

/** The stage an ARN names; with `lock`, its row is locked FOR UPDATE until the transaction ends (so that the stage is
 * not deleted while an association to it is written: DeleteStage locks it too before removing associations). */
export async function findProtectedStage(tx: Tx, resourceArn: string, lock = false): Promise<ProtectedStage> {
  const parsed = parseResourceArn(resourceArn);
  if (parsed.kind === 'invalid') throw arnNotValid(resourceArn);
  if (parsed.kind === 'other' || parsed.region !== config.region) throw nonexistentItem();
  const { restApiId, stageName } = parsed;
  if (lock) {
    await tx.$queryRaw`SELECT "id" FROM "Stage" WHERE "restApiId" = ${restApiId} AND "stageName" = ${stageName} FOR UPDATE`;
  }
  const stage = await tx.stage.findUnique({ where: { restApiId_stageName: { restApiId, stageName } } });
  if (!stage) throw nonexistentItem();
  return { stage, resourceArn: stageArn(restApiId, stageName) };
}
