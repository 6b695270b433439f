import { describe, expect, it } from 'vitest';
import { db } from '../../db/client';
import { createTestActor } from '../../testing/actors';
import { createAccessKey } from './create-access-key';
import { deleteAccessKey } from './delete-access-key';
import { findAccessKeySecret } from './find-access-key-secret';
import { listAccessKeys } from './list-access-keys';

describe('access keys', () => {
  it('shows the secret once, stores it encrypted, and resolves it for signature checks', async () => {
    const viewer = await createTestActor('VIEWER');
    const key = await createAccessKey(viewer, { description: 'laptop' });
    expect(key.accessKeyId).toMatch(/^PKIA[A-Z0-9]{16}$/);
    expect(key.secretAccessKey).toHaveLength(40);

    const row = await db().accessKey.findUniqueOrThrow({ where: { accessKeyId: key.accessKeyId } });
    expect(row.secretEncrypted).not.toContain(key.secretAccessKey);
    const listed = await listAccessKeys(viewer);
    expect(listed).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(key.secretAccessKey);

    const found = await findAccessKeySecret(key.accessKeyId);
    expect(found?.secretAccessKey).toBe(key.secretAccessKey);
    expect(found?.actor).toEqual(viewer);
  });

  it('limits keys per user and lets only the owner (or an Admin) delete them', async () => {
    const owner = await createTestActor('DEVELOPER');
    const stranger = await createTestActor('DEVELOPER');
    const admin = await createTestActor('ADMIN');
    const keys = [];
    for (let i = 0; i < 5; i++) keys.push(await createAccessKey(owner));
    const sixth = await createAccessKey(owner).catch((e) => e);
    expect(sixth.type).toBe('LimitExceededException');

    const [first, second] = keys as [(typeof keys)[0], (typeof keys)[0]];
    const denied = await deleteAccessKey(stranger, first.accessKeyId).catch((e) => e);
    expect(denied.type).toBe('NotFoundException');
    await deleteAccessKey(owner, first.accessKeyId);
    await deleteAccessKey(admin, second.accessKeyId);
    expect(await listAccessKeys(owner)).toHaveLength(3);
    expect(await findAccessKeySecret(first.accessKeyId)).toBeNull();
  });
});
