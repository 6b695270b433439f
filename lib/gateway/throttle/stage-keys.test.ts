import { describe, expect, it } from 'vitest';
import { compileStageKeys } from './stage-keys';

describe('compileStageKeys', () => {
  it('indexes keys by lookup hash, with their plan throttles', () => {
    const keys = compileStageKeys([
      {
        id: 'k1',
        valueHash: 'h1',
        usagePlanId: 'p1',
        planThrottle: { rateLimit: 5, burstLimit: 10 },
        methodThrottles: { '/pets/GET': { rateLimit: 1, burstLimit: 2 }, '//GET': { burstLimit: 3 }, '/bad/GET': 'x' },
        quota: { limit: 100, offset: 5, period: 'WEEK' },
        planCreatedAt: '2026-11-20T10:00:00.000',
      },
      {
        id: 'k2',
        valueHash: 'h2',
        usagePlanId: 'p2',
        planThrottle: null,
        methodThrottles: {},
        quota: { limit: 1, period: 'YEAR' },
        planCreatedAt: '2026-11-20T10:00:00Z',
      },
    ]);
    const k1 = keys.get('h1');
    expect(k1).toMatchObject({ id: 'k1', usagePlanId: 'p1', throttle: { rateLimit: 5, burstLimit: 10 } });
    expect(k1?.methodThrottles.get('/pets/GET')).toEqual({ rateLimit: 1, burstLimit: 2 });
    // a dimension left out does not limit
    expect(k1?.methodThrottles.get('//GET')).toEqual({ rateLimit: Number.MAX_SAFE_INTEGER, burstLimit: 3 });
    expect(k1?.methodThrottles.has('/bad/GET')).toBe(false);
    expect(keys.get('h2')?.throttle).toBeUndefined();
    // quotas; the plan's creation time is UTC (PostgreSQL's JSON of a timestamp column carries no zone)
    expect(k1?.quota).toEqual({ limit: 100, offset: 5, period: 'WEEK' });
    expect(k1?.planCreatedAt.toISOString()).toBe('2026-11-20T10:00:00.000Z');
    expect(keys.get('h2')?.quota).toBeUndefined(); // not a period AWS knows
    expect(keys.get('h2')?.planCreatedAt.toISOString()).toBe('2026-11-20T10:00:00.000Z');
  });
});
