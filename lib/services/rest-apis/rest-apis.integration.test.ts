import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../db/client';
import { createTestActor } from '../../testing/actors';
import type { Actor } from '../actor';
import { ServiceError } from '../errors';
import { createRestApi } from './create-rest-api';
import { deleteRestApi } from './delete-rest-api';
import { getRestApi } from './get-rest-api';
import { listRestApis } from './list-rest-apis';

let developer: Actor;
let viewer: Actor;

beforeAll(async () => {
  developer = await createTestActor('DEVELOPER');
  viewer = await createTestActor('VIEWER');
});

async function thrown(promise: Promise<unknown>): Promise<ServiceError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ServiceError)) throw new Error(`expected a ServiceError, got ${String(error)}`);
  return error;
}

describe('REST API services', () => {
  it('create makes the API with its root resource and the Empty and Error models', async () => {
    const api = await createRestApi(developer, { name: 'Orders', description: 'orders API' });
    expect(api.id).toMatch(/^[a-z0-9]{10}$/);
    expect(api).toMatchObject({
      name: 'Orders',
      description: 'orders API',
      apiKeySource: 'HEADER',
      endpointConfiguration: { types: ['EDGE'] },
      disableExecuteApiEndpoint: false,
    });
    const root = await db().resource.findUniqueOrThrow({ where: { id: api.rootResourceId } });
    expect(root).toMatchObject({ restApiId: api.id, path: '/', parentId: null, pathPart: null });
    const models = await db().model.findMany({ where: { restApiId: api.id }, orderBy: { name: 'asc' } });
    expect(models.map((m) => [m.name, m.contentType])).toEqual([
      ['Empty', 'application/json'],
      ['Error', 'application/json'],
    ]);
    expect(JSON.parse(models[0]?.schema ?? '')).toEqual({
      $schema: 'http://json-schema.org/draft-04/schema#',
      title: 'Empty Schema',
      type: 'object',
    });
    expect(models.every((m) => /^[a-z0-9]{6}$/.test(m.id))).toBe(true);
  });

  it('get, list and delete it; delete removes everything under it', async () => {
    const api = await createRestApi(developer, { name: 'Temporary', endpointConfiguration: { types: ['REGIONAL'] } });
    expect(await getRestApi(viewer, api.id)).toEqual(api);
    const all = await listRestApis(viewer, { limit: 500 });
    expect(all.items.map((a) => a.id)).toContain(api.id);

    await deleteRestApi(developer, api.id);
    expect(await db().resource.count({ where: { restApiId: api.id } })).toBe(0);
    expect(await db().model.count({ where: { restApiId: api.id } })).toBe(0);
    const error = await thrown(getRestApi(viewer, api.id));
    expect(error.type).toBe('NotFoundException');
    expect(error.status).toBe(404);
    expect(error.message).toBe(`Invalid API identifier specified 123456789012:${api.id}`);
    expect((await thrown(deleteRestApi(developer, api.id))).type).toBe('NotFoundException');
  });

  it('pages with limit and position', async () => {
    for (let i = 0; i < 3; i++) await createRestApi(developer, { name: `Paged ${i}` });
    const seen: string[] = [];
    let position: string | undefined;
    do {
      const page = await listRestApis(viewer, { limit: 2, position });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((a) => a.id));
      position = page.position;
    } while (position);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(await db().restApi.count());
  });

  it('refuses invalid input with a BadRequestException and writes nothing', async () => {
    const before = await db().restApi.count();
    const error = await thrown(createRestApi(developer, { name: '   ' }));
    expect(error.type).toBe('BadRequestException');
    expect(error.message).toMatch(/'name'/);
    expect((await thrown(createRestApi(developer, { name: 'x', apiKeySource: 'QUERY' as never }))).status).toBe(400);
    expect(await db().restApi.count()).toBe(before);
  });

  it('records each change in the audit log with before and after', async () => {
    const api = await createRestApi(developer, { name: 'Audited' });
    await deleteRestApi(developer, api.id);
    const rows = await db().auditLog.findMany({ where: { targetId: api.id }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => [r.action, r.actorEmail])).toEqual([
      ['create-rest-api', developer.email],
      ['delete-rest-api', developer.email],
    ]);
    expect(rows[0]?.after).toMatchObject({ id: api.id, name: 'Audited' });
    expect(rows[1]?.before).toMatchObject({ id: api.id, name: 'Audited' });
  });
});
