// UpdateStage: AWS's stage patch paths (§7.4), canary changes and promotion (§7.5), all or nothing. Stage settings
// apply without a redeploy: running gateways are notified when the transaction commits.
import { Prisma } from '@prisma/client';
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { notifyConfigChange } from '../config-changes';
import { badRequest } from '../errors';
import { findRestApi } from '../lookups';
import {
  type PatchOperation,
  parseBoolean,
  parseNumber,
  parsePatchOperations,
  patchMapEntry,
  patchScalar,
  requireValue,
  splitPatchPath,
} from '../patch/patch-operations';
import { invalidStagePath } from './invalid-stage-path';
import { type MethodSetting, patchMethodSetting } from './method-settings';
import { cacheStatus, checkCacheSize, checkVariables, findDeployment, findStage } from './stage-input';
import { type CanarySettings, type Stage, toStage } from './stage-shape';

interface StageDraft {
  deploymentId: string;
  description: string | null;
  cacheClusterEnabled: boolean;
  cacheClusterSize: string | null;
  clientCertificateId: string | null;
  tracingEnabled: boolean;
  variables: Record<string, string>;
  accessLogSettings: { format?: string; destinationArn?: string } | null;
  canarySettings: CanarySettings | null;
  methodSettings: Record<string, MethodSetting>;
}

const noCanary = () => badRequest('Promotion not available. Canary does not exist.');

function applyCopy(draft: StageDraft, op: PatchOperation): void {
  if (!draft.canarySettings) throw noCanary();
  if (op.from === '/canarySettings/deploymentId' && op.path === '/deploymentId') {
    draft.deploymentId = draft.canarySettings.deploymentId ?? draft.deploymentId;
    return;
  }
  if (op.from === '/canarySettings/stageVariableOverrides' && op.path === '/variables') {
    draft.variables = { ...draft.variables, ...(draft.canarySettings.stageVariableOverrides ?? {}) };
    return;
  }
  throw invalidStagePath(op.path);
}

function applyCanary(draft: StageDraft, parts: string[], op: PatchOperation): void {
  const [, field, ...rest] = parts;
  if (field === undefined) {
    if (op.op !== 'remove') throw invalidStagePath(op.path);
    draft.canarySettings = null;
    return;
  }
  const canary: CanarySettings = draft.canarySettings ?? { percentTraffic: 0, deploymentId: draft.deploymentId };
  switch (field) {
    case 'percentTraffic':
      canary.percentTraffic = parseNumber(op, 0, 100);
      break;
    case 'deploymentId':
      canary.deploymentId = requireValue(op);
      break;
    case 'useStageCache':
      canary.useStageCache = parseBoolean(op);
      break;
    case 'stageVariableOverrides': {
      const name = rest.join('/');
      if (!name) throw invalidStagePath(op.path);
      const overrides = { ...(canary.stageVariableOverrides ?? {}) };
      patchMapEntry(overrides, name, op, requireValue);
      canary.stageVariableOverrides = overrides;
      break;
    }
    default:
      throw invalidStagePath(op.path);
  }
  draft.canarySettings = canary;
}

function applyOperation(draft: StageDraft, op: PatchOperation): void {
  if (op.op === 'copy') {
    applyCopy(draft, op);
    return;
  }
  const parts = splitPatchPath(op.path);
  const [field, ...rest] = parts;
  const single = rest.length === 0;
  switch (field) {
    case 'deploymentId':
      if (!single) break;
      draft.deploymentId = requireValue(op);
      return;
    case 'description':
      if (!single) break;
      draft.description = patchScalar(op, requireValue);
      return;
    case 'cacheClusterEnabled':
      if (!single) break;
      draft.cacheClusterEnabled = parseBoolean(op);
      return;
    case 'cacheClusterSize':
      if (!single) break;
      draft.cacheClusterSize = patchScalar(op, requireValue);
      return;
    case 'clientCertificateId':
      if (!single) break;
      draft.clientCertificateId = patchScalar(op, requireValue);
      return;
    case 'tracingEnabled':
      if (!single) break;
      draft.tracingEnabled = parseBoolean(op);
      return;
    case 'variables':
      if (rest.length === 0) break;
      patchMapEntry(draft.variables, rest.join('/'), op, requireValue);
      return;
    case 'accessLogSettings': {
      if (single) {
        if (op.op !== 'remove') break;
        draft.accessLogSettings = null;
        return;
      }
      const sub = rest.join('/');
      if (sub !== 'format' && sub !== 'destinationArn') break;
      const settings = { ...(draft.accessLogSettings ?? {}) };
      const value = patchScalar(op, requireValue);
      if (value === null) delete settings[sub];
      else settings[sub] = value;
      draft.accessLogSettings = settings;
      return;
    }
    case 'canarySettings':
      applyCanary(draft, parts, op);
      return;
  }
  if (!patchMethodSetting(draft.methodSettings, parts, op)) throw invalidStagePath(op.path);
}

export async function updateStage(actor: Actor, restApiId: string, stageName: string, input: unknown): Promise<Stage> {
  authorize(actor, 'deploy');
  const operations = parsePatchOperations(input);
  const row = await db().$transaction(async (tx) => {
    await findRestApi(tx, restApiId);
    const before = await findStage(tx, restApiId, stageName);
    const draft: StageDraft = {
      deploymentId: before.deploymentId,
      description: before.description,
      cacheClusterEnabled: before.cacheClusterEnabled,
      cacheClusterSize: before.cacheClusterSize,
      clientCertificateId: before.clientCertificateId,
      tracingEnabled: before.tracingEnabled,
      variables: { ...(before.variables as Record<string, string>) },
      accessLogSettings: before.accessLogSettings as StageDraft['accessLogSettings'],
      canarySettings: before.canarySettings ? { ...(before.canarySettings as CanarySettings) } : null,
      methodSettings: structuredClone(before.methodSettings as unknown as Record<string, MethodSetting>),
    };
    for (const op of operations) applyOperation(draft, op);

    checkVariables(draft.variables);
    checkCacheSize(draft.cacheClusterSize);
    if (draft.deploymentId !== before.deploymentId) await findDeployment(tx, restApiId, draft.deploymentId);
    const canaryDeploymentId = draft.canarySettings?.deploymentId ?? null;
    if (canaryDeploymentId) await findDeployment(tx, restApiId, canaryDeploymentId);
    if (draft.canarySettings?.stageVariableOverrides) checkVariables(draft.canarySettings.stageVariableOverrides);

    const after = await tx.stage.update({
      where: { id: before.id },
      data: {
        deploymentId: draft.deploymentId,
        description: draft.description,
        cacheClusterEnabled: draft.cacheClusterEnabled,
        cacheClusterSize: draft.cacheClusterEnabled ? (draft.cacheClusterSize ?? '0.5') : draft.cacheClusterSize,
        cacheClusterStatus: cacheStatus(draft.cacheClusterEnabled),
        clientCertificateId: draft.clientCertificateId,
        tracingEnabled: draft.tracingEnabled,
        variables: draft.variables,
        accessLogSettings: draft.accessLogSettings ?? Prisma.DbNull,
        canarySettings: draft.canarySettings ? (draft.canarySettings as Prisma.InputJsonObject) : Prisma.DbNull,
        canaryDeploymentId,
        methodSettings: draft.methodSettings as unknown as Prisma.InputJsonObject,
      },
    });
    await audit(tx, actor, {
      action: 'update-stage',
      targetType: 'Stage',
      targetId: `${restApiId}/${stageName}`,
      before: toStage(before),
      after: toStage(after),
    });
    await notifyConfigChange(tx, { restApiId, stageName, kind: 'stage' });
    return after;
  });
  return toStage(row);
}
