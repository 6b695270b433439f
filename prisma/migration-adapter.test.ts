import { describe, expect, it } from 'vitest';
import { poolConfigFromUrl } from './migration-adapter';

describe('migration adapter pool config', () => {
  it('splits a URL into discrete fields (pg ignores `database` beside a connectionString)', () => {
    expect(poolConfigFromUrl('postgresql://us%40r:p%3Ass@db.local:6543/portico', 'shadow_1')).toMatchObject({
      host: 'db.local',
      port: 6543,
      user: 'us@r',
      password: 'p:ss',
      database: 'shadow_1',
    });
  });

  it('defaults the port and keeps the URL’s database when none is given', () => {
    expect(poolConfigFromUrl('postgresql://postgres@127.0.0.1/test')).toMatchObject({ port: 5432, database: 'test' });
  });
});
