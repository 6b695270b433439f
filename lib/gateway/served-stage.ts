// A stage as the gateway serves it: its deployment's snapshot parsed and compiled once (router now, templates with
// the mapping stage), its variables, and the canary's own compiled deployment. Deployments are immutable, so one
// compilation serves every stage (and canary) that points at it.
import { type Snapshot, snapshotSchema } from '../snapshot/snapshot-schema';
import type { StageRow } from './data/stage-rows';
import { type CompiledRouter, compileRoutes } from './routing';
import { compileModelValidators, type ModelValidators } from './validation/model-validators';

export type SnapshotResource = Snapshot['resources'][number];

export interface CompiledDeployment {
  deploymentId: string;
  snapshot: Snapshot;
  router: CompiledRouter<SnapshotResource>;
  validators: ModelValidators;
}

export interface ServedStage {
  restApiId: string;
  stageName: string;
  disableExecuteApiEndpoint: boolean;
  deployment: CompiledDeployment;
  variables: Record<string, string>;
  canary?: { percentTraffic: number; deployment: CompiledDeployment; variables: Record<string, string> };
}

const compiledDeployments = new Map<string, CompiledDeployment>();

export function compileDeployment(deploymentId: string, raw: unknown): CompiledDeployment {
  const cached = compiledDeployments.get(deploymentId);
  if (cached) return cached;
  const snapshot = snapshotSchema.parse(raw);
  const compiled = {
    deploymentId,
    snapshot,
    router: compileRoutes(snapshot.resources),
    validators: compileModelValidators(snapshot),
  };
  compiledDeployments.set(deploymentId, compiled);
  return compiled;
}

export function compileStage(row: StageRow): ServedStage {
  const served: ServedStage = {
    restApiId: row.restApiId,
    stageName: row.stageName,
    disableExecuteApiEndpoint: row.disableExecuteApiEndpoint,
    deployment: compileDeployment(row.deploymentId, row.snapshot),
    variables: row.variables ?? {},
  };
  const canary = row.canarySettings;
  if (canary?.deploymentId && row.canarySnapshot && (canary.percentTraffic ?? 0) > 0) {
    served.canary = {
      percentTraffic: canary.percentTraffic ?? 0,
      deployment: compileDeployment(canary.deploymentId, row.canarySnapshot),
      variables: { ...served.variables, ...(canary.stageVariableOverrides ?? {}) },
    };
  }
  return served;
}
