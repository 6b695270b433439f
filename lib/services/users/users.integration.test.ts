import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../db/client';
import { createTestActor } from '../../testing/actors';
import type { Actor } from '../actor';
import { ServiceError } from '../errors';
import { authenticateUser } from './authenticate-user';
import { createUser } from './create-user';
import { deleteUser } from './delete-user';
import { findActor } from './find-actor';
import { updateUser } from './update-user';

let admin: Actor;

beforeAll(async () => {
  admin = await createTestActor('ADMIN');
});

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

describe('users', () => {
  it('creates a user whose password works, stored only as a scrypt hash', async () => {
    const email = `Viewer-${unique()}@Example.com`;
    const user = await createUser(admin, { email, password: 'viewer password 1', role: 'VIEWER' });
    expect(user.email).toBe(email.toLowerCase());
    expect(user).not.toHaveProperty('passwordHash');
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toMatch(/^scrypt\$/);
    expect(row.passwordHash).not.toContain('viewer password 1');
    expect(await authenticateUser(email, 'viewer password 1')).toMatchObject({ id: user.id, role: 'VIEWER' });
    expect(await authenticateUser(email, 'wrong password')).toBeNull();
    expect(await authenticateUser(`nobody-${unique()}@example.com`, 'viewer password 1')).toBeNull();
  });

  it('refuses a duplicate email, a short password and a bad role, writing nothing', async () => {
    const email = `dup-${unique()}@example.com`;
    await createUser(admin, { email, password: 'first password', role: 'DEVELOPER' });
    const count = await db().user.count();
    const dup = await createUser(admin, { email, password: 'second password', role: 'VIEWER' }).catch((e) => e);
    expect(dup).toBeInstanceOf(ServiceError);
    expect(dup.type).toBe('ConflictException');
    const short = await createUser(admin, {
      email: `s-${unique()}@example.com`,
      password: 'short',
      role: 'VIEWER',
    }).catch((e) => e);
    expect(short.type).toBe('BadRequestException');
    expect(short.message).toMatch(/password/);
    const role = await createUser(admin, {
      email: `r-${unique()}@example.com`,
      password: 'long enough',
      role: 'ROOT' as never,
    }).catch((e) => e);
    expect(role.type).toBe('BadRequestException');
    expect(await db().user.count()).toBe(count);
  });

  it('a role change or disabling takes effect on the next request', async () => {
    const user = await createUser(admin, {
      email: `dev-${unique()}@example.com`,
      password: 'developer pass',
      role: 'DEVELOPER',
    });
    expect((await findActor(user.id))?.role).toBe('DEVELOPER');
    await updateUser(admin, user.id, { role: 'VIEWER' });
    expect((await findActor(user.id))?.role).toBe('VIEWER');
    await updateUser(admin, user.id, { disabled: true });
    expect(await findActor(user.id)).toBeNull();
    expect(await authenticateUser(user.email, 'developer pass')).toBeNull();
  });

  it('never leaves the console without an active Admin', async () => {
    const lone = await createTestActor('ADMIN');
    // Make every other admin a developer for this test, then restore them.
    const others = await db().user.findMany({ where: { role: 'ADMIN', id: { not: lone.userId as string } } });
    await db().user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { role: 'DEVELOPER' } });
    try {
      const demote = await updateUser(lone, lone.userId as string, { role: 'VIEWER' }).catch((e) => e);
      expect(demote.type).toBe('BadRequestException');
      expect(demote.message).toMatch(/last active Admin/);
      const self = await deleteUser(lone, lone.userId as string).catch((e) => e);
      expect(self.message).toBe('You cannot delete yourself');
    } finally {
      for (const o of others) await db().user.update({ where: { id: o.id }, data: { role: 'ADMIN' } });
    }
  });

  it('deletes a user and keeps their audit trail', async () => {
    const user = await createUser(admin, {
      email: `gone-${unique()}@example.com`,
      password: 'going away',
      role: 'VIEWER',
    });
    await deleteUser(admin, user.id);
    expect(await db().user.findUnique({ where: { id: user.id } })).toBeNull();
    const trail = await db().auditLog.findMany({ where: { targetId: user.id } });
    expect(trail.map((t) => t.action).sort()).toEqual(['create-user', 'delete-user']);
    const missing = await deleteUser(admin, user.id).catch((e) => e);
    expect(missing.type).toBe('NotFoundException');
  });
});
