import { describe, expect, it } from 'vitest';
import { db } from '../../db/client';
import { findAccessKeySecret } from '../access-keys/find-access-key-secret';
import { SYSTEM_ACTOR } from '../actor';
import { listResources } from '../resources/list-resources';
import { authenticateUser } from '../users/authenticate-user';
import { ensureAdminUser } from './ensure-admin-user';
import { ensureBootstrapAccessKey } from './ensure-bootstrap-access-key';
import { claimFirstStart } from './first-start';
import { seedDemoApi } from './seed-demo-api';

describe('bootstrap', () => {
  it('creates the admin from the environment, and resets the password when the environment changes it', async () => {
    const email = `boot-${Date.now()}@example.com`;
    const first = await ensureAdminUser({ email, password: 'first bootstrap pw' });
    expect(first).toEqual({ email, created: true, generatedPassword: undefined });
    expect(await ensureAdminUser({ email, password: 'first bootstrap pw' })).toEqual({ email, created: false });
    await ensureAdminUser({ email, password: 'second bootstrap pw' });
    expect(await authenticateUser(email, 'second bootstrap pw')).toMatchObject({ role: 'ADMIN' });
    expect(await authenticateUser(email, 'first bootstrap pw')).toBeNull();
  });

  it('generates a password, shown once, when none is given', async () => {
    const email = `generated-${Date.now()}@example.com`;
    const admin = await ensureAdminUser({ email });
    expect(admin.generatedPassword).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(await authenticateUser(email, admin.generatedPassword as string)).not.toBeNull();
    expect((await ensureAdminUser({ email })).generatedPassword).toBeUndefined();
  });

  it('creates or updates the access key pair from the environment', async () => {
    const email = `keys-${Date.now()}@example.com`;
    await ensureAdminUser({ email, password: 'bootstrap with keys' });
    const id = `AKIA${Date.now()}TEST`.slice(0, 20);
    await ensureBootstrapAccessKey(email, id, 'secret-number-one-1234');
    expect((await findAccessKeySecret(id))?.secretAccessKey).toBe('secret-number-one-1234');
    await ensureBootstrapAccessKey(email, id, 'secret-number-two-5678');
    expect((await findAccessKeySecret(id))?.secretAccessKey).toBe('secret-number-two-5678');
    await expect(ensureBootstrapAccessKey(email, 'bad id!', 'x'.repeat(20))).rejects.toThrow(/PORTICO_ACCESS_KEY_ID/);
  });

  it('claims the first start exactly once and seeds the demo API', async () => {
    await db().account.deleteMany();
    const claims = await Promise.all([claimFirstStart(), claimFirstStart(), claimFirstStart()]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await claimFirstStart()).toBe(false);

    const apiId = await seedDemoApi();
    const { items: resources } = await listResources(SYSTEM_ACTOR, apiId, { embedMethods: true });
    expect(resources.map((r) => r.path)).toEqual(['/', '/pets', '/pets/{petId}']);
    expect(Object.keys(resources[1]?.resourceMethods ?? {}).sort()).toEqual(['GET', 'POST']);
    expect(resources[2]?.resourceMethods?.GET).toMatchObject({
      authorizationType: 'NONE',
      methodIntegration: { type: 'MOCK' },
    });
  });
});
