import { describe, expect, it } from 'vitest';
import { methodArnPath, removeDotSegments } from './request-path';

describe('dot segments', () => {
  it('are resolved as SigV4 resolves them, never above the root; encoded dots are data', () => {
    expect(removeDotSegments('/prod/admin/../files/report')).toBe('/prod/files/report');
    expect(removeDotSegments('/prod/a/./b/')).toBe('/prod/a/b/');
    expect(removeDotSegments('/a/b/..')).toBe('/a/');
    expect(removeDotSegments('/../../etc')).toBe('/etc');
    expect(removeDotSegments('/prod/%2E%2E/x')).toBe('/prod/%2E%2E/x');
    expect(removeDotSegments('/prod/.well-known/x')).toBe('/prod/.well-known/x');
  });

  it('leave a path without them as it is (the same string)', () => {
    const path = '/prod/pets/1';
    expect(removeDotSegments(path)).toBe(path);
  });
});

describe('method ARN paths', () => {
  it('are the path the router matched: slashes collapsed, no trailing slash, segments decoded', () => {
    expect(methodArnPath('/%61dmin')).toBe('/admin');
    expect(methodArnPath('//admin/')).toBe('/admin');
    expect(methodArnPath('/files/my%20file')).toBe('/files/my file');
    expect(methodArnPath('/')).toBe('/');
  });
});
