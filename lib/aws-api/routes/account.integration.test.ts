// Account settings and SDK types through the real AWS SDK over HTTP, with AWS's error names and messages.
import {
  GetAccountCommand,
  GetSdkTypeCommand,
  GetSdkTypesCommand,
  UpdateAccountCommand,
} from '@aws-sdk/client-api-gateway';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../db/client';
import { sdkFailure as failure, withManagementApi } from '../../testing/management-api';

const { clients } = withManagementApi(['DEVELOPER', 'VIEWER'] as const);

const ROLE = 'arn:aws:iam::123456789012:role/APIGatewayCloudWatchLogs';

describe('Account', () => {
  beforeEach(async () => {
    await db().account.deleteMany();
  });

  it('reports AWS’s defaults, creating the account row when missing', async () => {
    const account = await clients.VIEWER.send(new GetAccountCommand({}));
    expect(account).toMatchObject({
      throttleSettings: { burstLimit: 5000, rateLimit: 10000 },
      features: [],
      apiKeyVersion: '4',
    });
    expect(account.cloudwatchRoleArn).toBeUndefined();
    expect(await db().account.count()).toBe(1);
    await Promise.all([
      clients.VIEWER.send(new GetAccountCommand({})),
      clients.DEVELOPER.send(new GetAccountCommand({})),
    ]);
    expect(await db().account.count()).toBe(1);
  });

  it('sets and clears the CloudWatch role and adds and removes features', async () => {
    const updated = await clients.DEVELOPER.send(
      new UpdateAccountCommand({
        patchOperations: [
          { op: 'replace', path: '/cloudwatchRoleArn', value: ROLE },
          { op: 'add', path: '/features', value: 'UsagePlans' },
        ],
      }),
    );
    expect(updated).toMatchObject({ cloudwatchRoleArn: ROLE, features: ['UsagePlans'], apiKeyVersion: '4' });
    expect(await clients.VIEWER.send(new GetAccountCommand({}))).toMatchObject({ cloudwatchRoleArn: ROLE });

    const again = await clients.DEVELOPER.send(
      new UpdateAccountCommand({ patchOperations: [{ op: 'add', path: '/features', value: 'UsagePlans' }] }),
    );
    expect(again.features).toEqual(['UsagePlans']);

    const cleared = await clients.DEVELOPER.send(
      new UpdateAccountCommand({
        patchOperations: [
          { op: 'remove', path: '/cloudwatchRoleArn' },
          { op: 'remove', path: '/features', value: 'UsagePlans' },
        ],
      }),
    );
    expect(cleared.cloudwatchRoleArn).toBeUndefined();
    expect(cleared.features).toEqual([]);

    const emptied = await clients.DEVELOPER.send(
      new UpdateAccountCommand({
        patchOperations: [
          { op: 'replace', path: '/cloudwatchRoleArn', value: ROLE },
          { op: 'replace', path: '/cloudwatchRoleArn', value: '' },
        ],
      }),
    );
    expect(emptied.cloudwatchRoleArn).toBeUndefined();

    const audits = await db().auditLog.findMany({
      where: { action: 'update-account' },
      orderBy: { id: 'desc' },
      take: 4,
    });
    expect(audits).toHaveLength(4);
    expect(audits[3]?.after).toMatchObject({ cloudwatchRoleArn: ROLE, features: ['UsagePlans'] });
  });

  it('an invalid patch changes nothing', async () => {
    const auditsBefore = await db().auditLog.count({ where: { action: 'update-account' } });
    expect(
      await failure(
        clients.DEVELOPER.send(
          new UpdateAccountCommand({
            patchOperations: [
              { op: 'replace', path: '/cloudwatchRoleArn', value: ROLE },
              { op: 'replace', path: '/throttle/rateLimit', value: '5' },
            ],
          }),
        ),
      ),
    ).toEqual({ name: 'BadRequestException', message: 'Invalid patch path /throttle/rateLimit', status: 400 });
    expect(
      await failure(
        clients.DEVELOPER.send(
          new UpdateAccountCommand({
            patchOperations: [
              { op: 'add', path: '/features', value: 'UsagePlans' },
              { op: 'replace', path: '/cloudwatchRoleArn', value: 'not-an-arn' },
            ],
          }),
        ),
      ),
    ).toEqual({ name: 'BadRequestException', message: 'The role ARN is not well formed', status: 400 });
    expect(
      await failure(
        clients.DEVELOPER.send(
          new UpdateAccountCommand({ patchOperations: [{ op: 'replace', path: '/apiKeyVersion', value: '3' }] }),
        ),
      ),
    ).toMatchObject({ name: 'BadRequestException', message: 'Invalid patch path /apiKeyVersion' });
    const account = await clients.DEVELOPER.send(new GetAccountCommand({}));
    expect(account.cloudwatchRoleArn).toBeUndefined();
    expect(account.features).toEqual([]);
    expect(await db().auditLog.count({ where: { action: 'update-account' } })).toBe(auditsBefore);
  });

  it('a Viewer is refused updates', async () => {
    expect(
      await failure(
        clients.VIEWER.send(
          new UpdateAccountCommand({ patchOperations: [{ op: 'replace', path: '/cloudwatchRoleArn', value: ROLE }] }),
        ),
      ),
    ).toMatchObject({ name: 'AccessDeniedException', status: 403 });
    expect((await clients.DEVELOPER.send(new GetAccountCommand({}))).cloudwatchRoleArn).toBeUndefined();
  });
});

describe('SdkTypes', () => {
  it('lists the six SDK types with their configuration properties', async () => {
    const types = await clients.VIEWER.send(new GetSdkTypesCommand({}));
    expect(types.items?.map((t) => t.id)).toEqual(['javascript', 'java', 'android', 'objectivec', 'swift', 'ruby']);
    const required = Object.fromEntries(
      (types.items ?? []).map((t) => [
        t.id,
        (t.configurationProperties ?? []).filter((p) => p.required).map((p) => p.name),
      ]),
    );
    expect(required).toEqual({
      javascript: [],
      java: ['serviceName', 'javaPackageName'],
      android: ['groupId', 'invokerPackage', 'artifactId', 'artifactVersion'],
      objectivec: ['classPrefix'],
      swift: ['classPrefix'],
      ruby: ['service.name'],
    });

    // the JS SDK's SdkTypes shape has no position; the limit is honoured all the same
    const paged = await clients.VIEWER.send(new GetSdkTypesCommand({ limit: 4 }));
    expect(paged.items?.map((t) => t.id)).toEqual(['javascript', 'java', 'android', 'objectivec']);
  });

  it('gets one SDK type; an unknown one is NotFound', async () => {
    const swift = await clients.VIEWER.send(new GetSdkTypeCommand({ id: 'swift' }));
    expect(swift).toMatchObject({
      id: 'swift',
      friendlyName: 'iOS (Swift)',
      configurationProperties: [{ name: 'classPrefix', friendlyName: 'Prefix', required: true }],
    });
    const java = await clients.VIEWER.send(new GetSdkTypeCommand({ id: 'java' }));
    expect(java.configurationProperties?.find((p) => p.name === 'javaBuildSystem')).toMatchObject({
      required: false,
      defaultValue: 'maven',
    });
    expect(await failure(clients.VIEWER.send(new GetSdkTypeCommand({ id: 'cobol' })))).toEqual({
      name: 'NotFoundException',
      message: 'Invalid SDK type identifier specified',
      status: 404,
    });
  });
});
