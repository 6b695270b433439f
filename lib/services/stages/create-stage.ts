import { Prisma } from '@prisma/client';
import { z } from 'zod';
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { notifyConfigChange } from '../config-changes';
import { conflict, ServiceError } from '../errors';
import { findRestApi } from '../lookups';
import { parseInput } from '../validation';
import {
  cacheStatus,
  canarySettingsInput,
  checkCacheSize,
  checkStageName,
  checkVariables,
  findDeployment,
} from './stage-input';
import { type Stage, toStage } from './stage-shape';

const MAX_STAGES_PER_API = 10;

const createStageInput = z.object({
  stageName: z.string().min(1),
  deploymentId: z.string().min(1),
  description: z.string().max(1024).optional(),
  cacheClusterEnabled: z.boolean().optional(),
  cacheClusterSize: z.string().optional(),
  variables: z.record(z.string(), z.string()).optional(),
  documentationVersion: z.string().optional(),
  canarySettings: canarySettingsInput.optional(),
  tracingEnabled: z.boolean().optional(),
  tags: z.record(z.string(), z.string()).optional(),
});

export async function createStage(actor: Actor, restApiId: string, input: unknown): Promise<Stage> {
  authorize(actor, 'deploy');
  const data = parseInput(createStageInput, input);
  checkStageName(data.stageName);
  checkVariables(data.variables ?? {});
  checkCacheSize(data.cacheClusterSize);
  try {
    const row = await db().$transaction(async (tx) => {
      await findRestApi(tx, restApiId);
      await findDeployment(tx, restApiId, data.deploymentId);
      if ((await tx.stage.count({ where: { restApiId } })) >= MAX_STAGES_PER_API) {
        throw new ServiceError('LimitExceededException', `An API can have at most ${MAX_STAGES_PER_API} stages`);
      }
      const canary = data.canarySettings;
      if (canary?.deploymentId) await findDeployment(tx, restApiId, canary.deploymentId);
      const stage = await tx.stage.create({
        data: {
          restApiId,
          stageName: data.stageName,
          deploymentId: data.deploymentId,
          description: data.description,
          cacheClusterEnabled: data.cacheClusterEnabled ?? false,
          cacheClusterSize: data.cacheClusterEnabled ? (data.cacheClusterSize ?? '0.5') : data.cacheClusterSize,
          cacheClusterStatus: cacheStatus(data.cacheClusterEnabled ?? false),
          variables: data.variables ?? {},
          documentationVersion: data.documentationVersion,
          canarySettings: canary
            ? { percentTraffic: 0, ...canary, deploymentId: canary.deploymentId ?? data.deploymentId }
            : undefined,
          canaryDeploymentId: canary ? (canary.deploymentId ?? data.deploymentId) : null,
          tracingEnabled: data.tracingEnabled ?? false,
          tags: data.tags ?? {},
        },
      });
      await audit(tx, actor, {
        action: 'create-stage',
        targetType: 'Stage',
        targetId: `${restApiId}/${stage.stageName}`,
        after: toStage(stage),
      });
      await notifyConfigChange(tx, { restApiId, stageName: stage.stageName, kind: 'stage' });
      return stage;
    });
    return toStage(row);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw conflict('Stage already exists');
    }
    throw error;
  }
}
