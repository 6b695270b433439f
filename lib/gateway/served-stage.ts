// A stage as the gateway serves it: its deployment's snapshot parsed and compiled once (router now, templates with
// the mapping stage), its variables, and the canary's own compiled deployment. Deployments are immutable, so one
// compilation serves every stage (and canary) that points at it.
import { config } from '../config';
import { type Snapshot, snapshotSchema } from '../snapshot/snapshot-schema';
import { type CompiledAuthorizer, compileAuthorizers, userPoolIssuers } from './authorizers/compile-authorizers';
import { userPoolKeys } from './authorizers/user-pool-keys';
import type { StageRow } from './data/stage-rows';
import { type CompiledTemplates, compileTemplates } from './mapping/templates';
import { compileResourcePolicy, type ResourcePolicy } from './policy/resource-policy';
import { type CompiledRouter, compileRoutes } from './routing';
import { compileStageKeys, type StageKey } from './throttle/stage-keys';
import { compileStageThrottles, type StageThrottles } from './throttle/stage-throttles';
import { compileModelValidators, type ModelValidators } from './validation/model-validators';

export type SnapshotResource = Snapshot['resources'][number];

export interface CompiledDeployment {
  deploymentId: string;
  snapshot: Snapshot;
  router: CompiledRouter<SnapshotResource>;
  validators: ModelValidators;
  templates: CompiledTemplates;
  authorizers: ReadonlyMap<string, CompiledAuthorizer>;
  /** the API's resource policy as deployed (AWS: a policy change needs a redeploy) */
  policy?: ResourcePolicy;
}

export interface ServedStage {
  restApiId: string;
  stageName: string;
  disableExecuteApiEndpoint: boolean;
  deployment: CompiledDeployment;
  variables: Record<string, string>;
  canary?: { percentTraffic: number; deployment: CompiledDeployment; variables: Record<string, string> };
  /** API keys that open this stage's apiKeyRequired methods: lookup hash of the value → the key and its plan */
  apiKeys: ReadonlyMap<string, StageKey>;
  /** each method's throttling limits (methodSettings) */
  throttles: StageThrottles;
}

/** Recently compiled deployments, so stages and canaries on one deployment share it; served stages hold their own
 * references, so evicting the oldest entries never affects what is served. */
const compiledDeployments = new Map<string, CompiledDeployment>();
const MAX_CACHED_DEPLOYMENTS = 256;

/** Compiles a snapshot for serving (TestInvokeMethod uses this directly on the current, undeployed definition). */
export function buildDeployment(deploymentId: string, snapshot: Snapshot): CompiledDeployment {
  return {
    deploymentId,
    snapshot,
    router: compileRoutes(snapshot.resources),
    validators: compileModelValidators(snapshot),
    templates: compileTemplates(snapshot),
    authorizers: compileAuthorizers(snapshot.authorizers),
    policy: snapshot.policy
      ? compileResourcePolicy(snapshot.policy, {
          region: config.region,
          accountId: config.accountId,
          restApiId: snapshot.restApiId,
        })
      : undefined,
  };
}

export function compileDeployment(deploymentId: string, raw: unknown): CompiledDeployment {
  const cached = compiledDeployments.get(deploymentId);
  if (cached) return cached;
  const compiled = buildDeployment(deploymentId, snapshotSchema.parse(raw));
  compiledDeployments.set(deploymentId, compiled);
  if (compiledDeployments.size > MAX_CACHED_DEPLOYMENTS) {
    const oldest = compiledDeployments.keys().next().value;
    if (oldest !== undefined) compiledDeployments.delete(oldest);
  }
  return compiled;
}

/** Starts fetching the keys of the user pools the deployment's authorizers trust, so requests find them in memory. */
function prepareUserPools(deployment: CompiledDeployment, variables: Record<string, string>): void {
  for (const authorizer of deployment.authorizers.values()) {
    if (authorizer.type !== 'COGNITO_USER_POOLS') continue;
    for (const issuer of userPoolIssuers(authorizer, variables)) userPoolKeys.prepare(issuer);
  }
}

export function compileStage(row: StageRow): ServedStage {
  const served: ServedStage = {
    restApiId: row.restApiId,
    stageName: row.stageName,
    disableExecuteApiEndpoint: row.disableExecuteApiEndpoint,
    deployment: compileDeployment(row.deploymentId, row.snapshot),
    variables: row.variables ?? {},
    apiKeys: compileStageKeys(row.apiKeys ?? []),
    throttles: compileStageThrottles(row.methodSettings, `${row.restApiId}/${row.stageName}`),
  };
  const canary = row.canarySettings;
  if (canary?.deploymentId && row.canarySnapshot && (canary.percentTraffic ?? 0) > 0) {
    served.canary = {
      percentTraffic: canary.percentTraffic ?? 0,
      deployment: compileDeployment(canary.deploymentId, row.canarySnapshot),
      variables: { ...served.variables, ...(canary.stageVariableOverrides ?? {}) },
    };
  }
  prepareUserPools(served.deployment, served.variables);
  if (served.canary) prepareUserPools(served.canary.deployment, served.canary.variables);
  return served;
}
