// ApiKeys (create, get, list, update, delete, import) through the real AWS SDK over HTTP.
import {
  type APIGatewayClient,
  CreateApiKeyCommand,
  CreateRestApiCommand,
  CreateUsagePlanCommand,
  DeleteApiKeyCommand,
  GetApiKeyCommand,
  GetApiKeysCommand,
  GetUsagePlanKeysCommand,
  ImportApiKeysCommand,
  UpdateApiKeyCommand,
} from '@aws-sdk/client-api-gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lookupHash } from '../../crypto/secrets';
import { db } from '../../db/client';
import { newShortId } from '../../ids';
import { sdkFailure as failure, type ManagementApi, startManagementApi } from '../../testing/management-api';

let api: ManagementApi;
let client: APIGatewayClient;
let viewer: APIGatewayClient;

beforeAll(async () => {
  api = await startManagementApi();
  client = (await api.client('DEVELOPER')).client;
  viewer = (await api.client('VIEWER')).client;
});

afterAll(async () => {
  client?.destroy();
  viewer?.destroy();
  await api?.close();
});

/** Stages are another team's work: an API with a deployment and a stage, written directly. */
async function apiWithStage(stageName = 'prod'): Promise<{ restApiId: string; stageName: string }> {
  const { id } = await client.send(new CreateRestApiCommand({ name: `Keys ${stageName}` }));
  const restApiId = id as string;
  const deploymentId = newShortId();
  await db().deployment.create({ data: { id: deploymentId, restApiId, snapshotVersion: 1, snapshot: {} } });
  await db().stage.create({ data: { restApiId, stageName, deploymentId } });
  return { restApiId, stageName };
}

const uniqueValue = (label: string) =>
  `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`.padEnd(24, 'x');

describe('ApiKeys', () => {
  it('creates a key with a generated value, shown only on create and with includeValue', async () => {
    const { restApiId, stageName } = await apiWithStage();
    const created = await client.send(
      new CreateApiKeyCommand({
        name: 'generated',
        description: 'made by the SDK',
        customerId: 'cust-1',
        stageKeys: [{ restApiId, stageName }],
        tags: { team: 'a' },
      }),
    );
    expect(created.id).toMatch(/^[a-z0-9]{10}$/);
    expect(created.value).toMatch(/^[A-Za-z0-9]{40}$/);
    expect(created).toMatchObject({
      name: 'generated',
      description: 'made by the SDK',
      customerId: 'cust-1',
      enabled: false,
      stageKeys: [`${restApiId}/${stageName}`],
      tags: { team: 'a' },
    });
    expect(created.createdDate).toBeInstanceOf(Date);

    const fetched = await viewer.send(new GetApiKeyCommand({ apiKey: created.id }));
    expect(fetched.value).toBeUndefined();
    expect(fetched.name).toBe('generated');
    const withValue = await client.send(new GetApiKeyCommand({ apiKey: created.id, includeValue: true }));
    expect(withValue.value).toBe(created.value);

    const row = await db().apiKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.valueHash).toBe(lookupHash(created.value as string));
    expect(JSON.stringify(row)).not.toContain(created.value);
    const audits = await db().auditLog.findMany({ where: { targetType: 'ApiKey', targetId: created.id } });
    expect(audits.map((a) => a.action)).toEqual(['create-api-key']);
    expect(JSON.stringify(audits.map((a) => [a.before, a.after]))).not.toContain(created.value);
  });

  it('takes a supplied value, refuses a duplicate or a short one', async () => {
    const value = uniqueValue('supplied');
    const created = await client.send(new CreateApiKeyCommand({ name: 'supplied', value, enabled: true }));
    expect(created).toMatchObject({ value, enabled: true, stageKeys: [] });
    expect(await failure(client.send(new CreateApiKeyCommand({ name: 'again', value })))).toEqual({
      name: 'ConflictException',
      message: 'API Key already exists',
      status: 409,
    });
    expect(await failure(client.send(new CreateApiKeyCommand({ value: 'short' })))).toEqual({
      name: 'BadRequestException',
      message: 'API Key value should be at least 20 characters',
      status: 400,
    });
    expect(
      await failure(client.send(new CreateApiKeyCommand({ stageKeys: [{ restApiId: 'nope000000', stageName: 'x' }] }))),
    ).toEqual({
      name: 'NotFoundException',
      message: 'Invalid API identifier specified 123456789012:nope000000',
      status: 404,
    });
  });

  it('lists with paging, name prefix, customerId and includeValues', async () => {
    const prefix = `list-${Date.now().toString(36)}`;
    const a = await client.send(new CreateApiKeyCommand({ name: `${prefix}-a`, customerId: `${prefix}-c` }));
    const b = await client.send(new CreateApiKeyCommand({ name: `${prefix}-b` }));
    const byName = await client.send(new GetApiKeysCommand({ nameQuery: prefix }));
    expect(byName.items?.map((k) => k.id)).toEqual([a.id, b.id]);
    expect(byName.items?.every((k) => k.value === undefined)).toBe(true);
    const withValues = await client.send(new GetApiKeysCommand({ nameQuery: prefix, includeValues: true }));
    expect(withValues.items?.map((k) => k.value)).toEqual([a.value, b.value]);
    const byCustomer = await client.send(new GetApiKeysCommand({ customerId: `${prefix}-c` }));
    expect(byCustomer.items?.map((k) => k.id)).toEqual([a.id]);
    const first = await client.send(new GetApiKeysCommand({ nameQuery: prefix, limit: 1 }));
    expect(first.items?.map((k) => k.id)).toEqual([a.id]);
    expect(first.position).toBeTruthy();
    const second = await client.send(new GetApiKeysCommand({ nameQuery: prefix, limit: 1, position: first.position }));
    expect(second.items?.map((k) => k.id)).toEqual([b.id]);
    expect(second.position).toBeUndefined();
  });

  it('updates fields and stage keys; an invalid patch changes nothing', async () => {
    const { restApiId, stageName } = await apiWithStage('beta');
    const key = await client.send(new CreateApiKeyCommand({ name: 'before', description: 'd' }));
    const updated = await client.send(
      new UpdateApiKeyCommand({
        apiKey: key.id,
        patchOperations: [
          { op: 'replace', path: '/name', value: 'after' },
          { op: 'remove', path: '/description' },
          { op: 'replace', path: '/enabled', value: 'true' },
          { op: 'replace', path: '/customerId', value: 'cust-9' },
          { op: 'add', path: '/stages', value: `${restApiId}/${stageName}` },
        ],
      }),
    );
    expect(updated).toMatchObject({
      name: 'after',
      enabled: true,
      customerId: 'cust-9',
      stageKeys: [`${restApiId}/${stageName}`],
    });
    expect(updated.description).toBeUndefined();
    expect(updated.value).toBeUndefined();

    const removed = await client.send(
      new UpdateApiKeyCommand({
        apiKey: key.id,
        patchOperations: [{ op: 'remove', path: '/stages', value: `${restApiId}/${stageName}` }],
      }),
    );
    expect(removed.stageKeys).toEqual([]);

    expect(
      await failure(
        client.send(
          new UpdateApiKeyCommand({
            apiKey: key.id,
            patchOperations: [
              { op: 'replace', path: '/name', value: 'changed' },
              { op: 'replace', path: '/value', value: 'x'.repeat(30) },
            ],
          }),
        ),
      ),
    ).toEqual({ name: 'BadRequestException', message: 'Invalid patch path /value', status: 400 });
    expect(
      await failure(
        client.send(
          new UpdateApiKeyCommand({
            apiKey: key.id,
            patchOperations: [
              { op: 'replace', path: '/name', value: 'changed' },
              { op: 'add', path: '/stages', value: `${restApiId}/nostage` },
            ],
          }),
        ),
      ),
    ).toEqual({ name: 'NotFoundException', message: 'Invalid Stage identifier specified', status: 404 });
    expect((await client.send(new GetApiKeyCommand({ apiKey: key.id }))).name).toBe('after');
  });

  it('deletes with 202 and answers AWS’s NotFound for unknown keys', async () => {
    const key = await client.send(new CreateApiKeyCommand({ name: 'doomed' }));
    const deleted = await client.send(new DeleteApiKeyCommand({ apiKey: key.id }));
    expect(deleted.$metadata.httpStatusCode).toBe(202);
    const notFound = { name: 'NotFoundException', message: 'Invalid API Key identifier specified', status: 404 };
    expect(await failure(client.send(new GetApiKeyCommand({ apiKey: key.id })))).toEqual(notFound);
    expect(await failure(client.send(new DeleteApiKeyCommand({ apiKey: key.id })))).toEqual(notFound);
    expect(
      await failure(
        client.send(
          new UpdateApiKeyCommand({
            apiKey: 'nokey00000',
            patchOperations: [{ op: 'replace', path: '/name', value: 'x' }],
          }),
        ),
      ),
    ).toEqual(notFound);
  });

  it('a Viewer reads but is refused writes and values', async () => {
    const key = await client.send(new CreateApiKeyCommand({ name: 'viewed' }));
    expect((await viewer.send(new GetApiKeyCommand({ apiKey: key.id }))).id).toBe(key.id);
    expect(await failure(viewer.send(new CreateApiKeyCommand({ name: 'nope' })))).toMatchObject({
      name: 'AccessDeniedException',
      status: 403,
    });
    expect(await failure(viewer.send(new GetApiKeyCommand({ apiKey: key.id, includeValue: true })))).toMatchObject({
      name: 'AccessDeniedException',
      status: 403,
    });
    expect(await failure(viewer.send(new DeleteApiKeyCommand({ apiKey: key.id })))).toMatchObject({
      name: 'AccessDeniedException',
      status: 403,
    });
  });
});

describe('ImportApiKeys', () => {
  const csv = (lines: string[]) => new TextEncoder().encode(`${lines.join('\n')}\n`);

  it('imports AWS’s CSV format, joining the named usage plans', async () => {
    const plan = await client.send(new CreateUsagePlanCommand({ name: 'import target' }));
    const [v1, v2] = [uniqueValue('import-one'), uniqueValue('import-two')];
    const result = await client.send(
      new ImportApiKeysCommand({
        format: 'csv',
        body: csv([
          'Name,Key,Description,Enabled,UsagePlanIds',
          `imported-one,${v1},first key,TRUE,${plan.id}`,
          `imported-two,${v2},"second, quoted",false,`,
        ]),
      }),
    );
    expect(result.$metadata.httpStatusCode).toBe(201);
    expect(result.ids).toHaveLength(2);
    expect(result.warnings ?? []).toEqual([]);
    const [one, two] = await Promise.all(
      (result.ids ?? []).map((id) => client.send(new GetApiKeyCommand({ apiKey: id, includeValue: true }))),
    );
    expect(one).toMatchObject({ name: 'imported-one', value: v1, description: 'first key', enabled: true });
    expect(two).toMatchObject({ name: 'imported-two', value: v2, description: 'second, quoted', enabled: false });
    const members = await client.send(new GetUsagePlanKeysCommand({ usagePlanId: plan.id }));
    expect(members.items?.map((k) => k.id)).toEqual([one?.id]);
    const audit = await db().auditLog.findFirstOrThrow({
      where: { action: 'import-api-keys' },
      orderBy: { id: 'desc' },
    });
    expect(audit.targetId).toBe(result.ids?.join(','));
    expect(JSON.stringify([audit.before, audit.after])).not.toContain(v1);
  });

  it('reports warnings, and with failonwarnings creates nothing', async () => {
    const value = uniqueValue('warned');
    const body = csv(['key,name,usageplanIds', `${value},warned,nosuch`]);
    const strict = await failure(client.send(new ImportApiKeysCommand({ format: 'csv', failOnWarnings: true, body })));
    expect(strict).toMatchObject({ name: 'BadRequestException', status: 400 });
    expect(strict.message).toContain('usage plan nosuch does not exist');
    expect(await db().apiKey.count({ where: { valueHash: lookupHash(value) } })).toBe(0);

    const lenient = await client.send(new ImportApiKeysCommand({ format: 'csv', body }));
    expect(lenient.ids).toHaveLength(1);
    expect(lenient.warnings).toEqual(['Record 1: usage plan nosuch does not exist; the key was not added to it']);
  });

  it('rejects a malformed file as a whole', async () => {
    const value = uniqueValue('malformed');
    const cases: Array<[string[], string]> = [
      [['Name,Key', `ok,${value}`, 'bad,"unclosed'], 'Invalid CSV file'],
      [['Name,Description', 'no key,at all'], "Invalid CSV file: a 'Key' column is required"],
      [
        ['Name,Key', `ok,${value}`, 'short,tooShort'],
        'Invalid CSV file: record 2: API Key value should be at least 20 characters',
      ],
    ];
    for (const [lines, message] of cases) {
      const error = await failure(client.send(new ImportApiKeysCommand({ format: 'csv', body: csv(lines) })));
      expect(error).toMatchObject({ name: 'BadRequestException', status: 400 });
      expect(error.message).toContain(message);
    }
    expect(await db().apiKey.count({ where: { valueHash: lookupHash(value) } })).toBe(0);
    const duplicate = await failure(
      client.send(new ImportApiKeysCommand({ format: 'csv', body: csv(['key', value, value]) })),
    );
    expect(duplicate).toMatchObject({ name: 'ConflictException', status: 409 });
    expect(await db().apiKey.count({ where: { valueHash: lookupHash(value) } })).toBe(0);
  });

  it('a Viewer cannot import', async () => {
    const error = await failure(
      viewer.send(new ImportApiKeysCommand({ format: 'csv', body: csv(['key', uniqueValue('viewer')]) })),
    );
    expect(error).toMatchObject({ name: 'AccessDeniedException', status: 403 });
  });
});
