// Stage names, stage variables and canary settings, as AWS validates them (§7.2, §7.3, §7.5).
import { z } from 'zod';
import type { Tx } from '../../db/client';
import { badRequest, notFound } from '../errors';

export const STAGE_NAME = /^[A-Za-z0-9_-]{1,128}$/;
const VARIABLE_NAME = /^[A-Za-z0-9_]{1,64}$/;
const VARIABLE_VALUE = /^[A-Za-z0-9\-._~:/?#&=,]{1,512}$/;
export const CACHE_SIZES = ['0.5', '1.6', '6.1', '13.5', '28.4', '58.2', '118', '237'];

export function checkStageName(name: string): void {
  if (!STAGE_NAME.test(name)) {
    throw badRequest('Stage name only allows a-zA-Z0-9_- and must be at most 128 characters long');
  }
}

export function checkVariables(variables: Record<string, string>): void {
  const names = Object.keys(variables);
  if (names.length > 100) throw badRequest('A stage can have at most 100 stage variables');
  for (const [name, value] of Object.entries(variables)) {
    if (!VARIABLE_NAME.test(name)) {
      throw badRequest(`Stage variable name ${name} is invalid: only a-zA-Z0-9_ and at most 64 characters are allowed`);
    }
    if (!VARIABLE_VALUE.test(value)) {
      throw badRequest(
        `Stage variable value ${value} is invalid: only a-zA-Z0-9-._~:/?#&=, and at most 512 characters are allowed`,
      );
    }
  }
}

export function checkCacheSize(size: string | null | undefined): void {
  if (size != null && !CACHE_SIZES.includes(size)) {
    throw badRequest(`Invalid cache cluster size specified: ${size}. Must be one of: ${CACHE_SIZES.join(', ')}`);
  }
}

export const canarySettingsInput = z.object({
  percentTraffic: z.number().min(0).max(100).optional(),
  deploymentId: z.string().optional(),
  stageVariableOverrides: z.record(z.string(), z.string()).optional(),
  useStageCache: z.boolean().optional(),
});

export async function findDeployment(tx: Tx, restApiId: string, deploymentId: string) {
  const deployment = await tx.deployment.findFirst({ where: { id: deploymentId, restApiId } });
  if (!deployment) throw notFound('Invalid Deployment identifier specified');
  return deployment;
}

export async function findStage(tx: Tx, restApiId: string, stageName: string) {
  const stage = await tx.stage.findUnique({ where: { restApiId_stageName: { restApiId, stageName } } });
  if (!stage) throw notFound('Invalid Stage identifier specified');
  return stage;
}

/** A stage with a cache cluster reports it AVAILABLE at once: Portico's cache needs no provisioning. */
export const cacheStatus = (enabled: boolean) => (enabled ? 'AVAILABLE' : 'NOT_AVAILABLE');
