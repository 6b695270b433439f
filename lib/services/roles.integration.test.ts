// Role checks are enforced by the services, whoever calls them.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db/client';
import { createTestActor } from '../testing/actors';
import type { Actor } from './actor';
import { listAuditLogs } from './audit-logs/list-audit-logs';
import { ServiceError } from './errors';
import { createRestApi } from './rest-apis/create-rest-api';
import { deleteRestApi } from './rest-apis/delete-rest-api';
import { listRestApis } from './rest-apis/list-rest-apis';
import { createUser } from './users/create-user';
import { listUsers } from './users/list-users';

let admin: Actor;
let developer: Actor;
let viewer: Actor;

beforeAll(async () => {
  [admin, developer, viewer] = await Promise.all([
    createTestActor('ADMIN'),
    createTestActor('DEVELOPER'),
    createTestActor('VIEWER'),
  ]);
});

async function refused(promise: Promise<unknown>): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ServiceError);
  expect((error as ServiceError).type).toBe('AccessDeniedException');
  expect((error as ServiceError).status).toBe(403);
}

describe('roles', () => {
  it('a Viewer reads but cannot create or delete APIs', async () => {
    const before = await db().restApi.count();
    await expect(listRestApis(viewer)).resolves.toBeDefined();
    await refused(createRestApi(viewer, { name: 'Not allowed' }));
    expect(await db().restApi.count()).toBe(before);
    const api = await createRestApi(developer, { name: 'Developer made' });
    await refused(deleteRestApi(viewer, api.id));
    expect(await db().restApi.count({ where: { id: api.id } })).toBe(1);
  });

  it('a Developer edits APIs but cannot manage users or read the audit log', async () => {
    await refused(listUsers(developer));
    await refused(createUser(developer, { email: 'x@example.com', password: 'long enough pw', role: 'ADMIN' }));
    await refused(listAuditLogs(developer));
  });

  it('an Admin manages users and reads the audit log', async () => {
    await expect(listUsers(admin)).resolves.toEqual(
      expect.arrayContaining([expect.objectContaining({ email: viewer.email })]),
    );
    const page = await listAuditLogs(admin, { limit: 5 });
    expect(page.items.length).toBeGreaterThan(0);
  });
});
