import { describe, expect, it } from 'vitest';
import { can, type Permission } from './roles';

const MATRIX: Array<[Permission, boolean, boolean, boolean]> = [
  // permission,       viewer, developer, admin
  ['read', true, true, true],
  ['edit', false, true, true],
  ['deploy', false, true, true],
  ['manage-users', false, false, true],
  ['read-audit-log', false, false, true],
];

describe('roles', () => {
  it.each(MATRIX)('%s: viewer %s, developer %s, admin %s', (permission, viewer, developer, admin) => {
    expect(can('VIEWER', permission)).toBe(viewer);
    expect(can('DEVELOPER', permission)).toBe(developer);
    expect(can('ADMIN', permission)).toBe(admin);
  });
});
