// CreateDeployment: compiles the API into a snapshot and, with stageName, points the stage at it (creating the stage
// when absent). With canarySettings the stage must exist and the deployment becomes its canary (AWS §7.1, §7.5).
import type { Prisma } from '@prisma/client';
import { z } from 'zod';
import { db, type Tx } from '../../db/client';
import { newShortId } from '../../ids';
import { compileSnapshot } from '../../snapshot/compile-snapshot';
import { SNAPSHOT_VERSION } from '../../snapshot/snapshot-schema';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { notifyConfigChange } from '../config-changes';
import { badRequest } from '../errors';
import { findRestApi } from '../lookups';
import {
  cacheStatus,
  canarySettingsInput,
  checkCacheSize,
  checkStageName,
  checkVariables,
} from '../stages/stage-input';
import type { CanarySettings } from '../stages/stage-shape';
import { parseInput } from '../validation';
import { type Deployment, toDeployment } from './deployment-shape';

const createDeploymentInput = z.object({
  stageName: z.string().optional(),
  stageDescription: z.string().max(1024).optional(),
  description: z.string().max(1024).optional(),
  cacheClusterEnabled: z.boolean().optional(),
  cacheClusterSize: z.string().optional(),
  variables: z.record(z.string(), z.string()).optional(),
  canarySettings: canarySettingsInput.omit({ deploymentId: true }).optional(),
  tracingEnabled: z.boolean().optional(),
});
type Input = z.infer<typeof createDeploymentInput>;

async function pointStage(tx: Tx, restApiId: string, deploymentId: string, data: Input & { stageName: string }) {
  const stage = await tx.stage.findUnique({ where: { restApiId_stageName: { restApiId, stageName: data.stageName } } });
  if (data.canarySettings) {
    if (!stage) {
      throw badRequest(
        `Invalid deployment content specified.Stage ${data.stageName} must already be created before making a canary release deployment`,
      );
    }
    const canary: CanarySettings = { percentTraffic: 0, useStageCache: false, ...data.canarySettings, deploymentId };
    return tx.stage.update({
      where: { id: stage.id },
      data: { canarySettings: canary as Prisma.InputJsonObject, canaryDeploymentId: deploymentId },
    });
  }
  if (stage?.canarySettings) {
    // On a canary-enabled stage a new deployment becomes the canary; the stage keeps serving its deployment.
    const canary = { ...(stage.canarySettings as CanarySettings), deploymentId };
    return tx.stage.update({
      where: { id: stage.id },
      data: { canarySettings: canary as Prisma.InputJsonObject, canaryDeploymentId: deploymentId },
    });
  }
  if (stage) {
    return tx.stage.update({
      where: { id: stage.id },
      data: {
        deploymentId,
        ...(data.variables && { variables: { ...(stage.variables as object), ...data.variables } }),
      },
    });
  }
  if ((await tx.stage.count({ where: { restApiId } })) >= 10) throw badRequest('An API can have at most 10 stages');
  return tx.stage.create({
    data: {
      restApiId,
      stageName: data.stageName,
      deploymentId,
      description: data.stageDescription,
      cacheClusterEnabled: data.cacheClusterEnabled ?? false,
      cacheClusterSize: data.cacheClusterEnabled ? (data.cacheClusterSize ?? '0.5') : data.cacheClusterSize,
      cacheClusterStatus: cacheStatus(data.cacheClusterEnabled ?? false),
      variables: data.variables ?? {},
      tracingEnabled: data.tracingEnabled ?? false,
    },
  });
}

export async function createDeployment(actor: Actor, restApiId: string, input: unknown): Promise<Deployment> {
  authorize(actor, 'deploy');
  const data = parseInput(createDeploymentInput, input);
  if (data.stageName !== undefined) checkStageName(data.stageName);
  checkVariables(data.variables ?? {});
  checkCacheSize(data.cacheClusterSize);
  const row = await db().$transaction(async (tx) => {
    await findRestApi(tx, restApiId);
    const { snapshot, apiSummary } = await compileSnapshot(tx, restApiId);
    const deployment = await tx.deployment.create({
      data: {
        id: newShortId(),
        restApiId,
        description: data.description,
        snapshotVersion: SNAPSHOT_VERSION,
        snapshot: snapshot as Prisma.InputJsonObject,
        apiSummary,
      },
    });
    await audit(tx, actor, {
      action: 'create-deployment',
      targetType: 'Deployment',
      targetId: `${restApiId}/${deployment.id}`,
      after: { ...toDeployment(deployment), stageName: data.stageName },
    });
    if (data.stageName !== undefined) {
      await pointStage(tx, restApiId, deployment.id, { ...data, stageName: data.stageName });
      await notifyConfigChange(tx, { restApiId, stageName: data.stageName, kind: 'stage' });
    }
    return deployment;
  });
  return toDeployment(row);
}
