// Deployments and stages through the real AWS SDK: snapshots, stage pointers, method settings with AWS's defaults
// and copy-on-create rule, canary releases with promotion, and AWS's messages for what is refused.
import {
  CreateDeploymentCommand,
  CreateRestApiCommand,
  CreateStageCommand,
  DeleteDeploymentCommand,
  DeleteStageCommand,
  FlushStageCacheCommand,
  GetDeploymentCommand,
  GetDeploymentsCommand,
  GetStageCommand,
  GetStagesCommand,
  UpdateDeploymentCommand,
  UpdateStageCommand,
} from '@aws-sdk/client-api-gateway';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { db } from '../../db/client';
import { seedDemoApi } from '../../services/bootstrap/seed-demo-api';
import { CONFIG_CHANNEL } from '../../services/config-changes';
import { sdkFailure, withManagementApi } from '../../testing/management-api';

const { clients } = withManagementApi(['DEVELOPER', 'VIEWER'] as const);

describe('deployments', () => {
  it('refuses an API without methods', async () => {
    const { id } = await clients.DEVELOPER.send(new CreateRestApiCommand({ name: 'Empty' }));
    expect(
      await sdkFailure(clients.DEVELOPER.send(new CreateDeploymentCommand({ restApiId: id, stageName: 'dev' }))),
    ).toEqual({
      name: 'BadRequestException',
      message: "The REST API doesn't contain any methods",
      status: 400,
    });
  });

  it('stores an immutable snapshot, creates the stage, and refuses deleting a deployment in use', async () => {
    const restApiId = await seedDemoApi();
    const first = await clients.DEVELOPER.send(
      new CreateDeploymentCommand({ restApiId, stageName: 'dev', description: 'first', variables: { backend: 'one' } }),
    );
    expect(first.id).toMatch(/^[a-z0-9]{6}$/);
    const row = await db().deployment.findUniqueOrThrow({ where: { id: first.id } });
    expect(row.snapshotVersion).toBe(1);
    expect((row.snapshot as { resources: Array<{ path: string }> }).resources.map((r) => r.path)).toEqual([
      '/',
      '/pets',
      '/pets/{petId}',
    ]);

    const stage = await clients.DEVELOPER.send(new GetStageCommand({ restApiId, stageName: 'dev' }));
    expect(stage).toMatchObject({
      stageName: 'dev',
      deploymentId: first.id,
      variables: { backend: 'one' },
      cacheClusterEnabled: false,
    });
    expect(stage.createdDate).toBeInstanceOf(Date);

    const summary = await clients.DEVELOPER.send(
      new GetDeploymentCommand({ restApiId, deploymentId: first.id, embed: ['apisummary'] }),
    );
    expect(summary.apiSummary?.['/pets']?.GET).toEqual({ authorizationType: 'NONE', apiKeyRequired: false });

    const second = await clients.DEVELOPER.send(new CreateDeploymentCommand({ restApiId, stageName: 'dev' }));
    expect((await clients.DEVELOPER.send(new GetStageCommand({ restApiId, stageName: 'dev' }))).deploymentId).toBe(
      second.id,
    );
    const listed = await clients.DEVELOPER.send(new GetDeploymentsCommand({ restApiId }));
    expect(listed.items?.map((d) => d.id)).toEqual([second.id, first.id]);

    expect(
      await sdkFailure(clients.DEVELOPER.send(new DeleteDeploymentCommand({ restApiId, deploymentId: second.id }))),
    ).toEqual({
      name: 'BadRequestException',
      message: 'Active stages pointing to this deployment must be moved or deleted',
      status: 400,
    });
    const renamed = await clients.DEVELOPER.send(
      new UpdateDeploymentCommand({
        restApiId,
        deploymentId: first.id,
        patchOperations: [{ op: 'replace', path: '/description', value: 'renamed' }],
      }),
    );
    expect(renamed.description).toBe('renamed');
    await clients.DEVELOPER.send(new DeleteDeploymentCommand({ restApiId, deploymentId: first.id }));
    expect(
      await sdkFailure(clients.DEVELOPER.send(new GetDeploymentCommand({ restApiId, deploymentId: first.id }))),
    ).toEqual({
      name: 'NotFoundException',
      message: 'Invalid Deployment identifier specified',
      status: 404,
    });
    expect(
      (await sdkFailure(clients.VIEWER.send(new CreateDeploymentCommand({ restApiId, stageName: 'dev' })))).name,
    ).toBe('AccessDeniedException');
  });

  it('tells running gateways through PostgreSQL NOTIFY', async () => {
    const restApiId = await seedDemoApi();
    const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await listener.connect();
    try {
      const heard = new Promise<string>((resolve) => listener.on('notification', (n) => resolve(n.payload ?? '')));
      await listener.query(`LISTEN ${CONFIG_CHANNEL}`);
      await clients.DEVELOPER.send(new CreateDeploymentCommand({ restApiId, stageName: 'live' }));
      expect(JSON.parse(await heard)).toEqual({ restApiId, stageName: 'live', kind: 'stage' });
    } finally {
      await listener.end();
    }
  });
});

describe('stages', () => {
  it('creates stages and applies method settings with AWS defaults and the copy-on-create rule', async () => {
    const restApiId = await seedDemoApi();
    const { id: deploymentId } = await clients.DEVELOPER.send(new CreateDeploymentCommand({ restApiId }));
    await clients.DEVELOPER.send(
      new CreateStageCommand({ restApiId, stageName: 'test', deploymentId, description: 'testing' }),
    );
    expect(
      await sdkFailure(clients.DEVELOPER.send(new CreateStageCommand({ restApiId, stageName: 'test', deploymentId }))),
    ).toMatchObject({
      name: 'ConflictException',
      status: 409,
    });

    await clients.DEVELOPER.send(
      new UpdateStageCommand({
        restApiId,
        stageName: 'test',
        patchOperations: [{ op: 'replace', path: '/*/*/throttling/rateLimit', value: '100' }],
      }),
    );
    const withOverride = await clients.DEVELOPER.send(
      new UpdateStageCommand({
        restApiId,
        stageName: 'test',
        patchOperations: [{ op: 'replace', path: '/~1pets/GET/caching/enabled', value: 'true' }],
      }),
    );
    expect(withOverride.methodSettings?.['*/*']).toEqual({
      metricsEnabled: false,
      loggingLevel: 'OFF',
      dataTraceEnabled: false,
      throttlingBurstLimit: 5000,
      throttlingRateLimit: 100,
      cachingEnabled: false,
      cacheTtlInSeconds: 300,
      cacheDataEncrypted: false,
      requireAuthorizationForCacheControl: true,
      unauthorizedCacheControlHeaderStrategy: 'SUCCEED_WITH_RESPONSE_HEADER',
    });
    expect(withOverride.methodSettings?.['pets/GET']).toMatchObject({ throttlingRateLimit: 100, cachingEnabled: true });

    const later = await clients.DEVELOPER.send(
      new UpdateStageCommand({
        restApiId,
        stageName: 'test',
        patchOperations: [
          { op: 'replace', path: '/*/*/throttling/rateLimit', value: '5' },
          { op: 'add', path: '/variables/color', value: 'blue' },
          { op: 'replace', path: '/description', value: 'changed' },
        ],
      }),
    );
    expect(later.methodSettings?.['pets/GET']?.throttlingRateLimit).toBe(100);
    expect(later.methodSettings?.['*/*']?.throttlingRateLimit).toBe(5);
    expect(later).toMatchObject({ variables: { color: 'blue' }, description: 'changed' });
  });

  it('answers an invalid patch path with AWS’s long "Must be one of" message (quirk: missing commas kept) and changes nothing', async () => {
    const restApiId = await seedDemoApi();
    const { id: deploymentId } = await clients.DEVELOPER.send(
      new CreateDeploymentCommand({ restApiId, stageName: 'prod' }),
    );
    const error = await sdkFailure(
      clients.DEVELOPER.send(
        new UpdateStageCommand({
          restApiId,
          stageName: 'prod',
          patchOperations: [
            { op: 'replace', path: '/description', value: 'should not stick' },
            { op: 'replace', path: '/test/GET/throttling/burst', value: '1' },
          ],
        }),
      ),
    );
    expect(error.name).toBe('BadRequestException');
    expect(error.message).toBe(
      'Invalid method setting path: /test/GET/throttling/burst. Must be one of: [/deploymentId, /description, /cacheClusterEnabled, /cacheClusterSize, /clientCertificateId, /accessLogSettings, /accessLogSettings/destinationArn, /accessLogSettings/format, /{resourcePath}/{httpMethod}/metrics/enabled, /{resourcePath}/{httpMethod}/logging/dataTrace, /{resourcePath}/{httpMethod}/logging/loglevel, /{resourcePath}/{httpMethod}/throttling/burstLimit/{resourcePath}/{httpMethod}/throttling/rateLimit/{resourcePath}/{httpMethod}/caching/ttlInSeconds, /{resourcePath}/{httpMethod}/caching/enabled, /{resourcePath}/{httpMethod}/caching/dataEncrypted, /{resourcePath}/{httpMethod}/caching/requireAuthorizationForCacheControl, /{resourcePath}/{httpMethod}/caching/unauthorizedCacheControlHeaderStrategy, /*/*/metrics/enabled, /*/*/logging/dataTrace, /*/*/logging/loglevel, /*/*/throttling/burstLimit /*/*/throttling/rateLimit /*/*/caching/ttlInSeconds, /*/*/caching/enabled, /*/*/caching/dataEncrypted, /*/*/caching/requireAuthorizationForCacheControl, /*/*/caching/unauthorizedCacheControlHeaderStrategy, /variables/{variable_name}, /tracingEnabled]',
    );
    const stage = await clients.DEVELOPER.send(new GetStageCommand({ restApiId, stageName: 'prod' }));
    expect(stage.description).toBeUndefined();
    expect(stage.deploymentId).toBe(deploymentId);
  });

  it('runs a canary release: create, promote with the three patch operations, disable', async () => {
    const restApiId = await seedDemoApi();
    expect(
      await sdkFailure(
        clients.DEVELOPER.send(
          new CreateDeploymentCommand({ restApiId, stageName: 'nope', canarySettings: { percentTraffic: 10 } }),
        ),
      ),
    ).toEqual({
      name: 'BadRequestException',
      message:
        'Invalid deployment content specified.Stage nope must already be created before making a canary release deployment',
      status: 400,
    });
    const base = await clients.DEVELOPER.send(
      new CreateDeploymentCommand({ restApiId, stageName: 'prod', variables: { v: 'stable' } }),
    );
    const canary = await clients.DEVELOPER.send(
      new CreateDeploymentCommand({
        restApiId,
        stageName: 'prod',
        canarySettings: { percentTraffic: 10, stageVariableOverrides: { v: 'canary' } },
      }),
    );
    const withCanary = await clients.DEVELOPER.send(new GetStageCommand({ restApiId, stageName: 'prod' }));
    expect(withCanary.deploymentId).toBe(base.id);
    expect(withCanary.canarySettings).toEqual({
      percentTraffic: 10,
      deploymentId: canary.id,
      stageVariableOverrides: { v: 'canary' },
      useStageCache: false,
    });

    const next = await clients.DEVELOPER.send(new CreateDeploymentCommand({ restApiId, stageName: 'prod' }));
    const moved = await clients.DEVELOPER.send(new GetStageCommand({ restApiId, stageName: 'prod' }));
    expect(moved.deploymentId).toBe(base.id);
    expect(moved.canarySettings?.deploymentId).toBe(next.id);

    const promoted = await clients.DEVELOPER.send(
      new UpdateStageCommand({
        restApiId,
        stageName: 'prod',
        patchOperations: [
          { op: 'replace', path: '/canarySettings/percentTraffic', value: '0.0' },
          { op: 'copy', from: '/canarySettings/stageVariableOverrides', path: '/variables' },
          { op: 'copy', from: '/canarySettings/deploymentId', path: '/deploymentId' },
        ],
      }),
    );
    expect(promoted.deploymentId).toBe(next.id);
    expect(promoted.variables).toEqual({ v: 'canary' });
    expect(promoted.canarySettings?.percentTraffic).toBe(0);

    const disabled = await clients.DEVELOPER.send(
      new UpdateStageCommand({
        restApiId,
        stageName: 'prod',
        patchOperations: [{ op: 'remove', path: '/canarySettings' }],
      }),
    );
    expect(disabled.canarySettings).toBeUndefined();
    expect(
      await sdkFailure(
        clients.DEVELOPER.send(
          new UpdateStageCommand({
            restApiId,
            stageName: 'prod',
            patchOperations: [{ op: 'copy', from: '/canarySettings/deploymentId', path: '/deploymentId' }],
          }),
        ),
      ),
    ).toEqual({ name: 'BadRequestException', message: 'Promotion not available. Canary does not exist.', status: 400 });
  });

  it('lists, flushes and deletes stages', async () => {
    const restApiId = await seedDemoApi();
    await clients.DEVELOPER.send(new CreateDeploymentCommand({ restApiId, stageName: 'a' }));
    await clients.DEVELOPER.send(new CreateDeploymentCommand({ restApiId, stageName: 'b' }));
    const stages = await clients.DEVELOPER.send(new GetStagesCommand({ restApiId }));
    expect(stages.item?.map((s) => s.stageName)).toEqual(['a', 'b']);
    await clients.DEVELOPER.send(new FlushStageCacheCommand({ restApiId, stageName: 'a' }));
    await clients.DEVELOPER.send(new DeleteStageCommand({ restApiId, stageName: 'a' }));
    expect(await sdkFailure(clients.DEVELOPER.send(new GetStageCommand({ restApiId, stageName: 'a' })))).toEqual({
      name: 'NotFoundException',
      message: 'Invalid Stage identifier specified',
      status: 404,
    });
  });
});
