// UsagePlans, UsagePlanKeys, GetUsage and UpdateUsage through the real AWS SDK over HTTP.
import {
  CreateApiKeyCommand,
  CreateRestApiCommand,
  CreateUsagePlanCommand,
  CreateUsagePlanKeyCommand,
  DeleteUsagePlanCommand,
  DeleteUsagePlanKeyCommand,
  GetUsageCommand,
  GetUsagePlanCommand,
  GetUsagePlanKeyCommand,
  GetUsagePlanKeysCommand,
  GetUsagePlansCommand,
  UpdateUsageCommand,
  UpdateUsagePlanCommand,
} from '@aws-sdk/client-api-gateway';
import { describe, expect, it } from 'vitest';
import { db } from '../../db/client';
import { newShortId } from '../../ids';
import { sdkFailure as failure, withManagementApi } from '../../testing/management-api';

const { clients } = withManagementApi(['DEVELOPER', 'VIEWER'] as const);

/** Stages are another team's work: an API with a deployment and the named stages, written directly. */
async function apiWithStages(...stageNames: string[]): Promise<string> {
  const { id } = await clients.DEVELOPER.send(new CreateRestApiCommand({ name: 'Plans' }));
  const restApiId = id as string;
  const deploymentId = newShortId();
  await db().deployment.create({ data: { id: deploymentId, restApiId, snapshotVersion: 1, snapshot: {} } });
  for (const stageName of stageNames) await db().stage.create({ data: { restApiId, stageName, deploymentId } });
  return restApiId;
}

const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const invalidPlan = { name: 'NotFoundException', message: 'Invalid Usage Plan ID specified', status: 404 };

describe('UsagePlans', () => {
  it('creates, gets, lists, updates and deletes a plan', async () => {
    const apiId = await apiWithStages('prod', 'dev');
    const created = await clients.DEVELOPER.send(
      new CreateUsagePlanCommand({
        name: 'Gold',
        description: 'for gold customers',
        apiStages: [{ apiId, stage: 'prod', throttle: { '/pets/GET': { rateLimit: 10.5, burstLimit: 20 } } }],
        throttle: { rateLimit: 100, burstLimit: 200 },
        quota: { limit: 5000, period: 'MONTH' },
        tags: { tier: 'gold' },
      }),
    );
    expect(created.$metadata.httpStatusCode).toBe(201);
    expect(created.id).toMatch(/^[a-z0-9]{6}$/);
    expect(created).toMatchObject({
      name: 'Gold',
      description: 'for gold customers',
      apiStages: [{ apiId, stage: 'prod', throttle: { '/pets/GET': { rateLimit: 10.5, burstLimit: 20 } } }],
      throttle: { rateLimit: 100, burstLimit: 200 },
      quota: { limit: 5000, offset: 0, period: 'MONTH' },
      tags: { tier: 'gold' },
    });
    expect(await clients.VIEWER.send(new GetUsagePlanCommand({ usagePlanId: created.id }))).toMatchObject({
      name: 'Gold',
    });
    const listed = await clients.DEVELOPER.send(new GetUsagePlansCommand({ limit: 500 }));
    expect(listed.items?.map((p) => p.id)).toContain(created.id);

    const updated = await clients.DEVELOPER.send(
      new UpdateUsagePlanCommand({
        usagePlanId: created.id,
        patchOperations: [
          { op: 'replace', path: '/name', value: 'Platinum' },
          { op: 'remove', path: '/description' },
          { op: 'replace', path: '/productCode', value: 'prod-42' },
          { op: 'add', path: '/apiStages', value: `${apiId}:dev` },
          { op: 'replace', path: `/apiStages/${apiId}:prod/throttle/~1pets/GET/rateLimit`, value: '3' },
          { op: 'replace', path: `/apiStages/${apiId}:dev/throttle/~1/POST/burstLimit`, value: '7' },
          { op: 'replace', path: '/throttle/rateLimit', value: '50.5' },
          { op: 'remove', path: '/throttle/burstLimit' },
          { op: 'replace', path: '/quota/limit', value: '10' },
          { op: 'replace', path: '/quota/period', value: 'WEEK' },
          { op: 'replace', path: '/quota/offset', value: '2' },
        ],
      }),
    );
    expect(updated).toMatchObject({
      name: 'Platinum',
      productCode: 'prod-42',
      apiStages: expect.arrayContaining([
        { apiId, stage: 'prod', throttle: { '/pets/GET': { rateLimit: 3, burstLimit: 20 } } },
        { apiId, stage: 'dev', throttle: { '//POST': { burstLimit: 7 } } },
      ]),
      throttle: { rateLimit: 50.5 },
      quota: { limit: 10, offset: 2, period: 'WEEK' },
    });
    expect(updated.description).toBeUndefined();

    const trimmed = await clients.DEVELOPER.send(
      new UpdateUsagePlanCommand({
        usagePlanId: created.id,
        patchOperations: [
          { op: 'remove', path: '/apiStages', value: `${apiId}:dev` },
          { op: 'remove', path: `/apiStages/${apiId}:prod/throttle/~1pets/GET` },
          { op: 'remove', path: '/throttle' },
          { op: 'remove', path: '/quota' },
        ],
      }),
    );
    expect(trimmed.apiStages).toEqual([{ apiId, stage: 'prod' }]);
    expect(trimmed.throttle).toBeUndefined();
    expect(trimmed.quota).toBeUndefined();

    const deleted = await clients.DEVELOPER.send(new DeleteUsagePlanCommand({ usagePlanId: created.id }));
    expect(deleted.$metadata.httpStatusCode).toBe(202);
    expect(await failure(clients.DEVELOPER.send(new GetUsagePlanCommand({ usagePlanId: created.id })))).toEqual(
      invalidPlan,
    );
    expect(await failure(clients.DEVELOPER.send(new DeleteUsagePlanCommand({ usagePlanId: created.id })))).toEqual(
      invalidPlan,
    );
  });

  it('refuses unknown stages, bad input and invalid patches, changing nothing', async () => {
    const apiId = await apiWithStages('prod');
    expect(
      await failure(
        clients.DEVELOPER.send(new CreateUsagePlanCommand({ name: 'x', apiStages: [{ apiId, stage: 'nope' }] })),
      ),
    ).toMatchObject({ name: 'NotFoundException', status: 404 });
    expect(
      (
        await failure(
          clients.DEVELOPER.send(new CreateUsagePlanCommand({ name: 'x', apiStages: [{ apiId, stage: 'nope' }] })),
        )
      ).message,
    ).toMatch(new RegExp(`^Invalid API Stage \\{api: ${apiId}, stage: nope\\} specified for usageplan [a-z0-9]{6}$`));
    expect(await failure(clients.DEVELOPER.send(new CreateUsagePlanCommand({ name: '' })))).toMatchObject({
      name: 'BadRequestException',
      status: 400,
    });
    expect(
      await failure(
        clients.DEVELOPER.send(
          new CreateUsagePlanCommand({
            name: 'bad throttle key',
            apiStages: [{ apiId, stage: 'prod', throttle: { pets: { rateLimit: 1 } } }],
          }),
        ),
      ),
    ).toMatchObject({ name: 'BadRequestException', status: 400 });

    const plan = await clients.DEVELOPER.send(
      new CreateUsagePlanCommand({
        name: 'Stable',
        apiStages: [{ apiId, stage: 'prod' }],
        quota: { limit: 5, period: 'DAY' },
      }),
    );
    const attempts: Array<[{ op: 'add' | 'remove' | 'replace'; path: string; value?: string }, string]> = [
      [{ op: 'replace', path: '/nonsense', value: 'x' }, 'Invalid patch path /nonsense'],
      [
        { op: 'replace', path: '/quota/period', value: 'YEAR' },
        'Invalid quota period YEAR: must be DAY, WEEK or MONTH',
      ],
      [
        { op: 'replace', path: '/apiStages/other:prod/throttle/~1a/GET/rateLimit', value: '1' },
        'API Stage other:prod is not in this usage plan',
      ],
    ];
    for (const [operation, message] of attempts) {
      expect(
        await failure(
          clients.DEVELOPER.send(
            new UpdateUsagePlanCommand({
              usagePlanId: plan.id,
              patchOperations: [{ op: 'replace', path: '/name', value: 'Changed' }, operation],
            }),
          ),
        ),
      ).toEqual({ name: 'BadRequestException', message, status: 400 });
    }
    expect(
      (
        await failure(
          clients.DEVELOPER.send(
            new UpdateUsagePlanCommand({
              usagePlanId: plan.id,
              patchOperations: [
                { op: 'replace', path: '/name', value: 'Changed' },
                { op: 'add', path: '/apiStages', value: `${apiId}:missing` },
              ],
            }),
          ),
        )
      ).message,
    ).toBe(`Invalid API Stage {api: ${apiId}, stage: missing} specified for usageplan ${plan.id}`);
    expect(await clients.DEVELOPER.send(new GetUsagePlanCommand({ usagePlanId: plan.id }))).toMatchObject({
      name: 'Stable',
      quota: { limit: 5, period: 'DAY' },
    });
    expect(
      await failure(
        clients.DEVELOPER.send(
          new UpdateUsagePlanCommand({
            usagePlanId: 'nope00',
            patchOperations: [{ op: 'replace', path: '/name', value: 'x' }],
          }),
        ),
      ),
    ).toEqual(invalidPlan);
  });

  it('a Viewer is refused writes', async () => {
    expect(await failure(clients.VIEWER.send(new CreateUsagePlanCommand({ name: 'Nope' })))).toMatchObject({
      name: 'AccessDeniedException',
      status: 403,
    });
  });
});

describe('UsagePlanKeys', () => {
  it('adds, lists, gets and removes keys; a key has one plan per api-stage', async () => {
    const apiId = await apiWithStages('prod', 'dev');
    const plan = await clients.DEVELOPER.send(
      new CreateUsagePlanCommand({ name: 'Keys', apiStages: [{ apiId, stage: 'prod' }] }),
    );
    const key = await clients.DEVELOPER.send(new CreateApiKeyCommand({ name: `member-${Date.now()}`, enabled: true }));
    const other = await clients.DEVELOPER.send(new CreateApiKeyCommand({ name: `other-${Date.now()}` }));

    const added = await clients.DEVELOPER.send(
      new CreateUsagePlanKeyCommand({ usagePlanId: plan.id, keyId: key.id, keyType: 'API_KEY' }),
    );
    expect(added.$metadata.httpStatusCode).toBe(201);
    expect(added).toMatchObject({ id: key.id, type: 'API_KEY', value: key.value, name: key.name });
    await clients.DEVELOPER.send(
      new CreateUsagePlanKeyCommand({ usagePlanId: plan.id, keyId: other.id, keyType: 'API_KEY' }),
    );

    const listed = await clients.DEVELOPER.send(new GetUsagePlanKeysCommand({ usagePlanId: plan.id }));
    expect(listed.items?.map((k) => k.id)).toEqual([key.id, other.id]);
    const named = await clients.DEVELOPER.send(
      new GetUsagePlanKeysCommand({ usagePlanId: plan.id, nameQuery: 'member-' }),
    );
    expect(named.items?.map((k) => k.id)).toEqual([key.id]);
    expect(
      await clients.DEVELOPER.send(new GetUsagePlanKeyCommand({ usagePlanId: plan.id, keyId: key.id })),
    ).toMatchObject({
      id: key.id,
      value: key.value,
    });
    const seenByViewer = await clients.VIEWER.send(new GetUsagePlanKeyCommand({ usagePlanId: plan.id, keyId: key.id }));
    expect(seenByViewer.value).toBeUndefined();
    expect((await clients.DEVELOPER.send(new GetUsagePlansCommand({ keyId: key.id }))).items?.map((p) => p.id)).toEqual(
      [plan.id],
    );

    expect(
      await failure(
        clients.DEVELOPER.send(
          new CreateUsagePlanKeyCommand({ usagePlanId: plan.id, keyId: key.id, keyType: 'API_KEY' }),
        ),
      ),
    ).toMatchObject({ name: 'ConflictException', status: 409 });
    const rival = await clients.DEVELOPER.send(
      new CreateUsagePlanCommand({ name: 'Rival', apiStages: [{ apiId, stage: 'prod' }] }),
    );
    expect(
      await failure(
        clients.DEVELOPER.send(
          new CreateUsagePlanKeyCommand({ usagePlanId: rival.id, keyId: key.id, keyType: 'API_KEY' }),
        ),
      ),
    ).toEqual({
      name: 'ConflictException',
      message: `Usage Plan ${rival.id} cannot be added because API Key ${key.id} cannot reference multiple Usage Plans with the same API Stage: ${apiId}:prod`,
      status: 409,
    });
    const devPlan = await clients.DEVELOPER.send(
      new CreateUsagePlanCommand({ name: 'Dev', apiStages: [{ apiId, stage: 'dev' }] }),
    );
    await clients.DEVELOPER.send(
      new CreateUsagePlanKeyCommand({ usagePlanId: devPlan.id, keyId: key.id, keyType: 'API_KEY' }),
    );
    expect(
      await failure(
        clients.DEVELOPER.send(
          new UpdateUsagePlanCommand({
            usagePlanId: devPlan.id,
            patchOperations: [{ op: 'add', path: '/apiStages', value: `${apiId}:prod` }],
          }),
        ),
      ),
    ).toMatchObject({ name: 'ConflictException', status: 409 });

    expect(
      await failure(
        clients.DEVELOPER.send(
          new CreateUsagePlanKeyCommand({ usagePlanId: plan.id, keyId: 'nokey00000', keyType: 'API_KEY' }),
        ),
      ),
    ).toEqual({ name: 'NotFoundException', message: 'Invalid API Key identifier specified', status: 404 });
    expect(
      await failure(
        clients.DEVELOPER.send(
          new CreateUsagePlanKeyCommand({ usagePlanId: 'nope00', keyId: key.id, keyType: 'API_KEY' }),
        ),
      ),
    ).toEqual(invalidPlan);
    expect(
      await failure(
        clients.DEVELOPER.send(
          new CreateUsagePlanKeyCommand({ usagePlanId: plan.id, keyId: key.id, keyType: 'OTHER' }),
        ),
      ),
    ).toMatchObject({ name: 'BadRequestException', status: 400 });
    expect(
      await failure(
        clients.VIEWER.send(
          new CreateUsagePlanKeyCommand({ usagePlanId: rival.id, keyId: other.id, keyType: 'API_KEY' }),
        ),
      ),
    ).toMatchObject({ name: 'AccessDeniedException', status: 403 });

    const removed = await clients.DEVELOPER.send(
      new DeleteUsagePlanKeyCommand({ usagePlanId: plan.id, keyId: key.id }),
    );
    expect(removed.$metadata.httpStatusCode).toBe(202);
    const gone = { name: 'NotFoundException', message: 'Invalid Usage Plan Key identifier specified', status: 404 };
    expect(
      await failure(clients.DEVELOPER.send(new GetUsagePlanKeyCommand({ usagePlanId: plan.id, keyId: key.id }))),
    ).toEqual(gone);
    expect(
      await failure(clients.DEVELOPER.send(new DeleteUsagePlanKeyCommand({ usagePlanId: plan.id, keyId: key.id }))),
    ).toEqual(gone);
    await clients.DEVELOPER.send(
      new CreateUsagePlanKeyCommand({ usagePlanId: rival.id, keyId: key.id, keyType: 'API_KEY' }),
    );
  });
});

describe('GetUsage and UpdateUsage', () => {
  it('reports [used, remaining] per day and sets what remains', async () => {
    const apiId = await apiWithStages('prod');
    const plan = await clients.DEVELOPER.send(
      new CreateUsagePlanCommand({
        name: 'Metered',
        apiStages: [{ apiId, stage: 'prod' }],
        quota: { limit: 100, offset: 10, period: 'DAY' },
      }),
    );
    const usagePlanId = plan.id as string;
    const key = await clients.DEVELOPER.send(new CreateApiKeyCommand({ name: 'metered' }));
    const apiKeyId = key.id as string;
    await clients.DEVELOPER.send(new CreateUsagePlanKeyCommand({ usagePlanId, keyId: apiKeyId, keyType: 'API_KEY' }));
    await db().usageCounter.createMany({
      data: [
        { usagePlanId, apiKeyId, day: new Date(`${day(-2)}T00:00:00Z`), used: 7 },
        { usagePlanId, apiKeyId, day: new Date(`${day(0)}T00:00:00Z`), used: 5 },
      ],
    });

    const usage = await clients.VIEWER.send(new GetUsageCommand({ usagePlanId, startDate: day(-3), endDate: day(0) }));
    expect(usage).toMatchObject({ usagePlanId, startDate: day(-3), endDate: day(0) });
    // the offset is taken only in the plan's first period (today, since the plan was made today)
    expect(usage.items).toEqual({
      [apiKeyId]: [
        [0, 100],
        [7, 93],
        [0, 100],
        [5, 85],
      ],
    });
    const filtered = await clients.DEVELOPER.send(
      new GetUsageCommand({ usagePlanId, keyId: 'nokey00000', startDate: day(0), endDate: day(0) }),
    );
    expect(filtered.items).toEqual({});

    const updated = await clients.DEVELOPER.send(
      new UpdateUsageCommand({
        usagePlanId,
        keyId: apiKeyId,
        patchOperations: [{ op: 'replace', path: '/remaining', value: '42' }],
      }),
    );
    expect(updated).toMatchObject({
      usagePlanId,
      startDate: day(0),
      endDate: day(0),
      items: { [apiKeyId]: [[5, 42]] },
    });
    await clients.DEVELOPER.send(
      new UpdateUsageCommand({
        usagePlanId,
        keyId: apiKeyId,
        patchOperations: [{ op: 'replace', path: '/remaining', value: '60' }],
      }),
    );
    const after = await clients.DEVELOPER.send(
      new GetUsageCommand({ usagePlanId, keyId: apiKeyId, startDate: day(-1), endDate: day(0) }),
    );
    expect(after.items).toEqual({
      [apiKeyId]: [
        [0, 100],
        [5, 60],
      ],
    });
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: 'update-usage' }, orderBy: { id: 'desc' } });
    expect(audit.after).toEqual({ remaining: 60 });
  });

  it('pages over keys and refuses invalid dates, unknown plans and keys', async () => {
    const plan = await clients.DEVELOPER.send(
      new CreateUsagePlanCommand({ name: 'Paged', quota: { limit: 3, period: 'WEEK' } }),
    );
    const usagePlanId = plan.id as string;
    const ids: string[] = [];
    for (const name of ['p1', 'p2']) {
      const key = await clients.DEVELOPER.send(new CreateApiKeyCommand({ name }));
      await clients.DEVELOPER.send(new CreateUsagePlanKeyCommand({ usagePlanId, keyId: key.id, keyType: 'API_KEY' }));
      ids.push(key.id as string);
    }
    ids.sort();
    const first = await clients.DEVELOPER.send(
      new GetUsageCommand({ usagePlanId, startDate: day(0), endDate: day(0), limit: 1 }),
    );
    expect(Object.keys(first.items ?? {})).toEqual([ids[0]]);
    expect(first.position).toBeTruthy();
    const second = await clients.DEVELOPER.send(
      new GetUsageCommand({ usagePlanId, startDate: day(0), endDate: day(0), limit: 1, position: first.position }),
    );
    expect(second.items).toEqual({ [ids[1] as string]: [[0, 3]] });

    for (const [startDate, endDate] of [
      ['2024-13-01', '2024-12-31'],
      ['yesterday', day(0)],
      [day(0), day(-1)],
    ] as const) {
      expect(
        await failure(clients.DEVELOPER.send(new GetUsageCommand({ usagePlanId, startDate, endDate }))),
      ).toMatchObject({
        name: 'BadRequestException',
        status: 400,
      });
    }
    expect(
      await failure(
        clients.DEVELOPER.send(new GetUsageCommand({ usagePlanId: 'nope00', startDate: day(0), endDate: day(0) })),
      ),
    ).toEqual(invalidPlan);

    const patch = (value: string, path = '/remaining') =>
      new UpdateUsageCommand({ usagePlanId, keyId: ids[0], patchOperations: [{ op: 'replace', path, value }] });
    expect(await failure(clients.DEVELOPER.send(patch('-1')))).toMatchObject({
      name: 'BadRequestException',
      status: 400,
    });
    expect(await failure(clients.DEVELOPER.send(patch('1', '/used')))).toEqual({
      name: 'BadRequestException',
      message: 'Invalid patch path /used',
      status: 400,
    });
    expect(
      await failure(
        clients.DEVELOPER.send(
          new UpdateUsageCommand({
            usagePlanId,
            keyId: 'nokey00000',
            patchOperations: [{ op: 'replace', path: '/remaining', value: '1' }],
          }),
        ),
      ),
    ).toEqual({ name: 'NotFoundException', message: 'Invalid API Key identifier specified', status: 404 });
    expect(await failure(clients.VIEWER.send(patch('1')))).toMatchObject({
      name: 'AccessDeniedException',
      status: 403,
    });
  });
});
