import { describe, expect, it } from 'vitest';
import { invokeUrls } from './invoke-urls';

describe('invoke URLs', () => {
  it('gives the host-based and the path-based form', () => {
    expect(invokeUrls('a1b2c3d4e5', 'prod', 'http://localhost:8080')).toEqual([
      'http://a1b2c3d4e5.execute-api.localhost:8080/prod',
      'http://localhost:8080/a1b2c3d4e5/prod',
    ]);
    expect(invokeUrls('x', 'dev', 'https://gw.example.com')).toEqual([
      'https://x.execute-api.gw.example.com/dev',
      'https://gw.example.com/x/dev',
    ]);
  });
});
