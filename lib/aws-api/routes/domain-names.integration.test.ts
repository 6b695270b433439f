// DomainNames and BasePathMappings through the real AWS SDK over HTTP, with AWS's error names and messages.
import {
  type APIGatewayClient,
  CreateBasePathMappingCommand,
  CreateDomainNameCommand,
  CreateRestApiCommand,
  DeleteBasePathMappingCommand,
  DeleteDomainNameCommand,
  GetBasePathMappingCommand,
  GetBasePathMappingsCommand,
  GetDomainNameCommand,
  GetDomainNamesCommand,
  UpdateBasePathMappingCommand,
  UpdateDomainNameCommand,
} from '@aws-sdk/client-api-gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../db/client';
import { newShortId } from '../../ids';
import type { Actor } from '../../services/actor';
import { listDomainNames } from '../../services/domain-names/list-domain-names';
import { sdkFailure as failure, type ManagementApi, startManagementApi } from '../../testing/management-api';

let api: ManagementApi;
let client: APIGatewayClient;
let viewer: APIGatewayClient;
let viewerActor: Actor;

beforeAll(async () => {
  api = await startManagementApi();
  client = (await api.client('DEVELOPER')).client;
  const v = await api.client('VIEWER');
  viewer = v.client;
  viewerActor = v.actor;
});

afterAll(async () => {
  client?.destroy();
  viewer?.destroy();
  await api?.close();
});

/** A unique domain name per test (the database is shared by the whole run). */
const domain = (label: string) => `${label}-${newShortId()}.example.com`;

/** Stages are someone else's operations: rows made directly, as CreateDeployment + CreateStage would leave them. */
async function createStage(restApiId: string, stageName: string): Promise<void> {
  const deploymentId = newShortId();
  await db().deployment.create({ data: { id: deploymentId, restApiId, snapshotVersion: 1, snapshot: {} } });
  await db().stage.create({ data: { restApiId, stageName, deploymentId } });
}

async function createApiWithStage(name: string, stageName = 'prod'): Promise<string> {
  const { id } = await client.send(new CreateRestApiCommand({ name }));
  if (!id) throw new Error('no API id');
  await createStage(id, stageName);
  return id;
}

describe('DomainNames', () => {
  it('creates an edge-optimized domain name with AWS’s defaults and a CloudFront target', async () => {
    const domainName = domain('edge');
    const created = await client.send(
      new CreateDomainNameCommand({
        domainName,
        certificateName: 'my-cert',
        certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc-123',
        tags: { team: 'payments' },
      }),
    );
    expect(created).toMatchObject({
      domainName,
      certificateName: 'my-cert',
      certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc-123',
      distributionHostedZoneId: 'Z2FDTNDATAQYW2',
      domainNameStatus: 'AVAILABLE',
      endpointConfiguration: { types: ['EDGE'] },
      securityPolicy: 'TLS_1_2',
      tags: { team: 'payments' },
    });
    expect(created.distributionDomainName).toMatch(/^d[a-z0-9]{13}\.cloudfront\.net$/);
    expect(created.regionalDomainName).toBeUndefined();
    expect(created.certificateUploadDate).toBeInstanceOf(Date);
    expect(Math.abs((created.certificateUploadDate as Date).getTime() - Date.now())).toBeLessThan(60_000);

    const fetched = await viewer.send(new GetDomainNameCommand({ domainName }));
    expect(fetched.distributionDomainName).toBe(created.distributionDomainName);

    const listed = await viewer.send(new GetDomainNamesCommand({ limit: 500 }));
    expect(listed.items?.map((d) => d.domainName)).toContain(domainName);

    const audit = await db().auditLog.findFirst({ where: { action: 'create-domain-name', targetId: domainName } });
    expect(audit?.after).toMatchObject({ domainName, securityPolicy: 'TLS_1_2' });
  });

  it('creates a regional domain name with a regional execute-api target', async () => {
    const domainName = domain('regional');
    const created = await client.send(
      new CreateDomainNameCommand({
        domainName,
        regionalCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/def-456',
        endpointConfiguration: { types: ['REGIONAL'] },
        securityPolicy: 'TLS_1_0',
      }),
    );
    expect(created).toMatchObject({
      endpointConfiguration: { types: ['REGIONAL'] },
      securityPolicy: 'TLS_1_0',
      regionalCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/def-456',
      regionalHostedZoneId: 'Z1UJRXOUMOOFQ8',
    });
    expect(created.regionalDomainName).toMatch(/^d-[a-z0-9]{10}\.execute-api\.us-east-1\.amazonaws\.com$/);
    expect(created.distributionDomainName).toBeUndefined();
    const row = await db().domainName.findUnique({ where: { domainName } });
    expect(row?.regionalDomainName).toBe(created.regionalDomainName);
  });

  it('refuses duplicates, invalid names and invalid settings; unknown names are NotFound', async () => {
    const domainName = domain('dup');
    await client.send(new CreateDomainNameCommand({ domainName }));
    expect(await failure(client.send(new CreateDomainNameCommand({ domainName: domainName.toUpperCase() })))).toEqual({
      name: 'ConflictException',
      message: 'The domain name you provided already exists.',
      status: 409,
    });
    for (const bad of [
      'not a domain',
      'nodots',
      '-bad.example.com',
      'a..example.com',
      `${'x'.repeat(64)}.example.com`,
    ]) {
      expect(await failure(client.send(new CreateDomainNameCommand({ domainName: bad })))).toMatchObject({
        name: 'BadRequestException',
        status: 400,
      });
    }
    expect((await client.send(new CreateDomainNameCommand({ domainName: `*.${domain('wild')}` }))).domainName).toMatch(
      /^\*\.wild-/,
    );
    expect(
      await failure(
        client.send(new CreateDomainNameCommand({ domainName: domain('bad-tls'), securityPolicy: 'TLS_9' as never })),
      ),
    ).toMatchObject({ name: 'BadRequestException', status: 400 });
    expect(
      await failure(
        client.send(
          new CreateDomainNameCommand({ domainName: domain('private'), endpointConfiguration: { types: ['PRIVATE'] } }),
        ),
      ),
    ).toMatchObject({ name: 'BadRequestException', status: 400 });
    expect(await failure(client.send(new GetDomainNameCommand({ domainName: 'missing.example.com' })))).toEqual({
      name: 'NotFoundException',
      message: 'Invalid domain name identifier specified',
      status: 404,
    });
  });

  it('updates certificates, security policy and endpoint type (with a new target name)', async () => {
    const domainName = domain('update');
    const created = await client.send(new CreateDomainNameCommand({ domainName, certificateName: 'old' }));
    const updated = await client.send(
      new UpdateDomainNameCommand({
        domainName,
        patchOperations: [
          { op: 'replace', path: '/certificateArn', value: 'arn:aws:acm:us-east-1:123456789012:certificate/new' },
          { op: 'remove', path: '/certificateName' },
          { op: 'replace', path: '/securityPolicy', value: 'TLS_1_0' },
        ],
      }),
    );
    expect(updated).toMatchObject({
      certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/new',
      securityPolicy: 'TLS_1_0',
      distributionDomainName: created.distributionDomainName,
    });
    expect(updated.certificateName).toBeUndefined();

    const regional = await client.send(
      new UpdateDomainNameCommand({
        domainName,
        patchOperations: [
          { op: 'replace', path: '/endpointConfiguration/types/0', value: 'REGIONAL' },
          { op: 'replace', path: '/regionalCertificateArn', value: 'arn:aws:acm:us-east-1:123456789012:certificate/r' },
          { op: 'replace', path: '/regionalCertificateName', value: 'regional-cert' },
        ],
      }),
    );
    expect(regional.endpointConfiguration?.types).toEqual(['REGIONAL']);
    expect(regional.regionalDomainName).toMatch(/\.execute-api\.us-east-1\.amazonaws\.com$/);
    expect(regional.distributionDomainName).toBeUndefined();
    expect(regional.regionalCertificateArn).toBe('arn:aws:acm:us-east-1:123456789012:certificate/r');

    const edge = await client.send(
      new UpdateDomainNameCommand({
        domainName,
        patchOperations: [{ op: 'replace', path: '/endpointConfiguration/types/REGIONAL', value: 'EDGE' }],
      }),
    );
    expect(edge.endpointConfiguration?.types).toEqual(['EDGE']);
    expect(edge.distributionDomainName).toMatch(/\.cloudfront\.net$/);
    expect(edge.regionalDomainName).toBeUndefined();

    const audits = await db().auditLog.count({ where: { action: 'update-domain-name', targetId: domainName } });
    expect(audits).toBe(3);
  });

  it('an invalid patch changes nothing', async () => {
    const domainName = domain('atomic');
    await client.send(new CreateDomainNameCommand({ domainName }));
    const update = (patchOperations: Array<{ op: 'replace'; path: string; value: string }>) =>
      failure(client.send(new UpdateDomainNameCommand({ domainName, patchOperations })));
    expect(
      await update([
        { op: 'replace', path: '/securityPolicy', value: 'TLS_1_0' },
        { op: 'replace', path: '/domainNameStatus', value: 'PENDING' },
      ]),
    ).toEqual({ name: 'BadRequestException', message: 'Invalid patch path /domainNameStatus', status: 400 });
    expect(
      await update([
        { op: 'replace', path: '/securityPolicy', value: 'TLS_1_0' },
        { op: 'replace', path: '/endpointConfiguration/types/0', value: 'PRIVATE' },
      ]),
    ).toMatchObject({ name: 'BadRequestException', status: 400 });
    expect(await update([{ op: 'replace', path: '/securityPolicy', value: 'SSL_3' }])).toMatchObject({
      name: 'BadRequestException',
      status: 400,
    });
    const after = await client.send(new GetDomainNameCommand({ domainName }));
    expect(after).toMatchObject({ securityPolicy: 'TLS_1_2', endpointConfiguration: { types: ['EDGE'] } });
    expect(
      await failure(
        client.send(
          new UpdateDomainNameCommand({
            domainName: 'missing.example.com',
            patchOperations: [{ op: 'replace', path: '/securityPolicy', value: 'TLS_1_0' }],
          }),
        ),
      ),
    ).toMatchObject({ name: 'NotFoundException', message: 'Invalid domain name identifier specified' });
  });

  it('pages GetDomainNames with limit and position', async () => {
    for (let i = 0; i < 3; i++) await client.send(new CreateDomainNameCommand({ domainName: domain(`page${i}`) }));
    const all = (await client.send(new GetDomainNamesCommand({ limit: 500 }))).items?.map((d) => d.domainName) ?? [];
    const first = await client.send(new GetDomainNamesCommand({ limit: 2 }));
    expect(first.items).toHaveLength(2);
    expect(first.position).toBeTruthy();
    const second = await client.send(new GetDomainNamesCommand({ limit: 2, position: first.position }));
    expect([...(first.items ?? []), ...(second.items ?? [])].map((d) => d.domainName)).toEqual(all.slice(0, 4));
    expect(all).toEqual([...all].sort());
  });

  it('deletes a domain name and its mappings (202)', async () => {
    const domainName = domain('delete');
    const restApiId = await createApiWithStage('Deleted domain');
    await client.send(new CreateDomainNameCommand({ domainName }));
    await client.send(new CreateBasePathMappingCommand({ domainName, restApiId, basePath: 'v1', stage: 'prod' }));
    const response = await client.send(new DeleteDomainNameCommand({ domainName }));
    expect(response.$metadata.httpStatusCode).toBe(202);
    expect(await db().basePathMapping.count({ where: { domainName } })).toBe(0);
    expect(await failure(client.send(new GetDomainNameCommand({ domainName })))).toMatchObject({
      name: 'NotFoundException',
      message: 'Invalid domain name identifier specified',
    });
    expect(await failure(client.send(new DeleteDomainNameCommand({ domainName })))).toMatchObject({
      name: 'NotFoundException',
      status: 404,
    });
    const audit = await db().auditLog.findFirst({ where: { action: 'delete-domain-name', targetId: domainName } });
    expect(audit?.before).toMatchObject({
      domainName,
      basePathMappings: [{ basePath: 'v1', restApiId, stage: 'prod' }],
    });
  });

  it('a Viewer is refused writes', async () => {
    const domainName = domain('viewer');
    expect(await failure(viewer.send(new CreateDomainNameCommand({ domainName })))).toMatchObject({
      name: 'AccessDeniedException',
      status: 403,
    });
    await client.send(new CreateDomainNameCommand({ domainName }));
    expect(
      await failure(
        viewer.send(
          new UpdateDomainNameCommand({
            domainName,
            patchOperations: [{ op: 'replace', path: '/securityPolicy', value: 'TLS_1_0' }],
          }),
        ),
      ),
    ).toMatchObject({ name: 'AccessDeniedException', status: 403 });
    expect(await failure(viewer.send(new DeleteDomainNameCommand({ domainName })))).toMatchObject({
      name: 'AccessDeniedException',
      status: 403,
    });
  });
});

describe('BasePathMappings', () => {
  it('creates, gets, lists, updates and deletes mappings; "(none)" is the empty base path', async () => {
    const domainName = domain('mappings');
    await client.send(new CreateDomainNameCommand({ domainName }));
    const restApiId = await createApiWithStage('Mapped', 'prod');

    const none = await client.send(new CreateBasePathMappingCommand({ domainName, restApiId }));
    expect(none).toEqual(expect.objectContaining({ basePath: '(none)', restApiId }));
    expect(none.stage).toBeUndefined();
    expect(none.$metadata.httpStatusCode).toBe(201);
    const v1 = await client.send(
      new CreateBasePathMappingCommand({ domainName, restApiId, basePath: 'v1', stage: 'prod' }),
    );
    expect(v1).toMatchObject({ basePath: 'v1', restApiId, stage: 'prod' });
    const odd = await client.send(
      new CreateBasePathMappingCommand({ domainName, restApiId, basePath: "a$-_.+!*'()z", stage: 'prod' }),
    );
    expect(odd.basePath).toBe("a$-_.+!*'()z");
    expect(await db().basePathMapping.findFirst({ where: { domainName, basePath: '' } })).not.toBeNull();

    expect(await viewer.send(new GetBasePathMappingCommand({ domainName, basePath: '(none)' }))).toMatchObject({
      basePath: '(none)',
      restApiId,
    });
    expect(await viewer.send(new GetBasePathMappingCommand({ domainName, basePath: "a$-_.+!*'()z" }))).toMatchObject({
      basePath: "a$-_.+!*'()z",
    });
    const listed = await viewer.send(new GetBasePathMappingsCommand({ domainName }));
    expect(listed.items?.map((m) => m.basePath)).toEqual(['(none)', "a$-_.+!*'()z", 'v1']);
    const paged = await viewer.send(new GetBasePathMappingsCommand({ domainName, limit: 1 }));
    expect(paged.items?.map((m) => m.basePath)).toEqual(['(none)']);
    expect(paged.position).toBeTruthy();

    const other = await createApiWithStage('Other', 'beta');
    const updated = await client.send(
      new UpdateBasePathMappingCommand({
        domainName,
        basePath: 'v1',
        patchOperations: [
          { op: 'replace', path: '/basePath', value: 'v2' },
          { op: 'replace', path: '/restapiId', value: other },
          { op: 'replace', path: '/stage', value: 'beta' },
        ],
      }),
    );
    expect(updated).toMatchObject({ basePath: 'v2', restApiId: other, stage: 'beta' });
    expect(await failure(client.send(new GetBasePathMappingCommand({ domainName, basePath: 'v1' })))).toEqual({
      name: 'NotFoundException',
      message: 'Invalid base path mapping identifier specified',
      status: 404,
    });
    const cleared = await client.send(
      new UpdateBasePathMappingCommand({
        domainName,
        basePath: 'v2',
        patchOperations: [{ op: 'remove', path: '/stage' }],
      }),
    );
    expect(cleared.stage).toBeUndefined();

    const [console] = (await listDomainNames(viewerActor)).filter((d) => d.domainName === domainName);
    expect(console?.basePathMappings.map((m) => `${m.basePath}→${m.restApiId}/${m.stage ?? '*'}`)).toEqual([
      `(none)→${restApiId}/*`,
      `a$-_.+!*'()z→${restApiId}/prod`,
      `v2→${other}/*`,
    ]);

    const deleted = await client.send(new DeleteBasePathMappingCommand({ domainName, basePath: '(none)' }));
    expect(deleted.$metadata.httpStatusCode).toBe(202);
    expect(await failure(client.send(new GetBasePathMappingCommand({ domainName, basePath: '(none)' })))).toMatchObject(
      { name: 'NotFoundException', message: 'Invalid base path mapping identifier specified' },
    );
    expect(
      await failure(client.send(new DeleteBasePathMappingCommand({ domainName, basePath: '(none)' }))),
    ).toMatchObject({ name: 'NotFoundException', status: 404 });

    const actions = await db().auditLog.findMany({
      where: { targetType: 'BasePathMapping', targetId: { startsWith: `${domainName}/` } },
      orderBy: { id: 'asc' },
      select: { action: true, targetId: true },
    });
    expect(actions).toEqual([
      { action: 'create-base-path-mapping', targetId: `${domainName}/(none)` },
      { action: 'create-base-path-mapping', targetId: `${domainName}/v1` },
      { action: 'create-base-path-mapping', targetId: `${domainName}/a$-_.+!*'()z` },
      { action: 'update-base-path-mapping', targetId: `${domainName}/v1` },
      { action: 'update-base-path-mapping', targetId: `${domainName}/v2` },
      { action: 'delete-base-path-mapping', targetId: `${domainName}/(none)` },
    ]);
  });

  it('checks the domain, API, stage, base path and duplicates with AWS’s errors', async () => {
    const domainName = domain('checks');
    await client.send(new CreateDomainNameCommand({ domainName }));
    const restApiId = await createApiWithStage('Checked', 'prod');
    expect(
      await failure(client.send(new CreateBasePathMappingCommand({ domainName: 'missing.example.com', restApiId }))),
    ).toEqual({ name: 'NotFoundException', message: 'Invalid domain name identifier specified', status: 404 });
    expect(
      await failure(client.send(new CreateBasePathMappingCommand({ domainName, restApiId: 'nope123456' }))),
    ).toEqual({
      name: 'NotFoundException',
      message: 'Invalid API identifier specified 123456789012:nope123456',
      status: 404,
    });
    expect(
      await failure(client.send(new CreateBasePathMappingCommand({ domainName, restApiId, stage: 'missing' }))),
    ).toEqual({ name: 'BadRequestException', message: 'Invalid stage identifier specified', status: 400 });
    for (const basePath of ['has space', 'semi;colon', 'a//b', '/lead', 'trail/', 'x'.repeat(301)]) {
      expect(
        await failure(client.send(new CreateBasePathMappingCommand({ domainName, restApiId, basePath }))),
      ).toMatchObject({ name: 'BadRequestException', status: 400 });
    }
    await client.send(new CreateBasePathMappingCommand({ domainName, restApiId, basePath: 'x'.repeat(300) }));
    await client.send(new CreateBasePathMappingCommand({ domainName, restApiId, basePath: 'v1', stage: 'prod' }));
    expect(
      await failure(client.send(new CreateBasePathMappingCommand({ domainName, restApiId, basePath: 'v1' }))),
    ).toEqual({ name: 'ConflictException', message: 'Base path already exists for this domain name', status: 409 });
    await client.send(new CreateBasePathMappingCommand({ domainName, restApiId, basePath: '(none)' }));
    expect(await failure(client.send(new CreateBasePathMappingCommand({ domainName, restApiId })))).toMatchObject({
      name: 'ConflictException',
    });
    expect(
      await failure(client.send(new GetBasePathMappingCommand({ domainName: 'missing.example.com', basePath: 'v1' }))),
    ).toMatchObject({ name: 'NotFoundException', message: 'Invalid domain name identifier specified' });
    expect(
      await failure(client.send(new GetBasePathMappingsCommand({ domainName: 'missing.example.com' }))),
    ).toMatchObject({ name: 'NotFoundException', message: 'Invalid domain name identifier specified' });
  });

  it('multi-level base paths need a REGIONAL, TLS_1_2 domain name', async () => {
    const edge = domain('multi-edge');
    await client.send(new CreateDomainNameCommand({ domainName: edge }));
    const restApiId = await createApiWithStage('Orders', 'prod');
    expect(
      await failure(
        client.send(new CreateBasePathMappingCommand({ domainName: edge, restApiId, basePath: 'orders/v1' })),
      ),
    ).toMatchObject({ name: 'BadRequestException', status: 400 });

    const regional = domain('multi-regional');
    await client.send(
      new CreateDomainNameCommand({ domainName: regional, endpointConfiguration: { types: ['REGIONAL'] } }),
    );
    const created = await client.send(
      new CreateBasePathMappingCommand({ domainName: regional, restApiId, basePath: 'orders/v1', stage: 'prod' }),
    );
    expect(created.basePath).toBe('orders/v1');
    expect(
      await client.send(new GetBasePathMappingCommand({ domainName: regional, basePath: 'orders/v1' })),
    ).toMatchObject({ basePath: 'orders/v1', restApiId, stage: 'prod' });

    // the domain cannot leave REGIONAL/TLS_1_2 while it has multi-level mappings
    expect(
      await failure(
        client.send(
          new UpdateDomainNameCommand({
            domainName: regional,
            patchOperations: [{ op: 'replace', path: '/securityPolicy', value: 'TLS_1_0' }],
          }),
        ),
      ),
    ).toMatchObject({ name: 'BadRequestException', status: 400 });
    await client.send(new DeleteBasePathMappingCommand({ domainName: regional, basePath: 'orders/v1' }));
    expect(await db().basePathMapping.count({ where: { domainName: regional } })).toBe(0);
  });

  it('an invalid update changes nothing', async () => {
    const domainName = domain('map-atomic');
    await client.send(new CreateDomainNameCommand({ domainName }));
    const restApiId = await createApiWithStage('Atomic mapping', 'prod');
    await client.send(new CreateBasePathMappingCommand({ domainName, restApiId, basePath: 'v1', stage: 'prod' }));
    await client.send(new CreateBasePathMappingCommand({ domainName, restApiId, basePath: 'v2' }));
    const update = (patchOperations: Array<{ op: 'replace' | 'remove'; path: string; value?: string }>) =>
      failure(client.send(new UpdateBasePathMappingCommand({ domainName, basePath: 'v1', patchOperations })));
    expect(
      await update([
        { op: 'replace', path: '/basePath', value: 'v9' },
        { op: 'replace', path: '/domainName', value: 'x' },
      ]),
    ).toEqual({ name: 'BadRequestException', message: 'Invalid patch path /domainName', status: 400 });
    expect(await update([{ op: 'replace', path: '/basePath', value: 'v2' }])).toEqual({
      name: 'ConflictException',
      message: 'Base path already exists for this domain name',
      status: 409,
    });
    expect(await update([{ op: 'replace', path: '/stage', value: 'missing' }])).toEqual({
      name: 'BadRequestException',
      message: 'Invalid stage identifier specified',
      status: 400,
    });
    expect(await update([{ op: 'replace', path: '/restapiId', value: 'nope123456' }])).toMatchObject({
      name: 'NotFoundException',
      message: 'Invalid API identifier specified 123456789012:nope123456',
    });
    expect(await update([{ op: 'remove', path: '/basePath' }])).toMatchObject({ name: 'BadRequestException' });
    expect(await update([{ op: 'replace', path: '/basePath', value: 'bad path' }])).toMatchObject({
      name: 'BadRequestException',
    });
    expect(await client.send(new GetBasePathMappingCommand({ domainName, basePath: 'v1' }))).toMatchObject({
      basePath: 'v1',
      restApiId,
      stage: 'prod',
    });
    expect(
      await failure(
        client.send(
          new UpdateBasePathMappingCommand({
            domainName,
            basePath: 'v7',
            patchOperations: [{ op: 'replace', path: '/stage', value: 'prod' }],
          }),
        ),
      ),
    ).toMatchObject({ name: 'NotFoundException', message: 'Invalid base path mapping identifier specified' });
  });

  it('a Viewer is refused writes', async () => {
    const domainName = domain('map-viewer');
    await client.send(new CreateDomainNameCommand({ domainName }));
    const restApiId = await createApiWithStage('Viewer mapping', 'prod');
    expect(
      await failure(viewer.send(new CreateBasePathMappingCommand({ domainName, restApiId, basePath: 'v1' }))),
    ).toMatchObject({ name: 'AccessDeniedException', status: 403 });
    await client.send(new CreateBasePathMappingCommand({ domainName, restApiId, basePath: 'v1' }));
    expect(
      await failure(
        viewer.send(
          new UpdateBasePathMappingCommand({
            domainName,
            basePath: 'v1',
            patchOperations: [{ op: 'replace', path: '/stage', value: 'prod' }],
          }),
        ),
      ),
    ).toMatchObject({ name: 'AccessDeniedException', status: 403 });
    expect(await failure(viewer.send(new DeleteBasePathMappingCommand({ domainName, basePath: 'v1' })))).toMatchObject({
      name: 'AccessDeniedException',
      status: 403,
    });
  });

  it('mappings go with their API', async () => {
    const domainName = domain('api-gone');
    await client.send(new CreateDomainNameCommand({ domainName }));
    const restApiId = await createApiWithStage('Short-lived', 'prod');
    await client.send(new CreateBasePathMappingCommand({ domainName, restApiId, basePath: 'v1', stage: 'prod' }));
    await db().restApi.delete({ where: { id: restApiId } });
    expect((await client.send(new GetBasePathMappingsCommand({ domainName }))).items ?? []).toEqual([]);
  });
});
