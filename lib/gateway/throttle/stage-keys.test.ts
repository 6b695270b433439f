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
      },
      { id: 'k2', valueHash: 'h2', usagePlanId: 'p2', planThrottle: null, methodThrottles: {} },
    ]);
    const k1 = keys.get('h1');
    expect(k1).toMatchObject({ id: 'k1', usagePlanId: 'p1', throttle: { rateLimit: 5, burstLimit: 10 } });
    expect(k1?.methodThrottles.get('/pets/GET')).toEqual({ rateLimit: 1, burstLimit: 2 });
    // a dimension left out does not limit
    expect(k1?.methodThrottles.get('//GET')).toEqual({ rateLimit: Number.MAX_SAFE_INTEGER, burstLimit: 3 });
    expect(k1?.methodThrottles.has('/bad/GET')).toBe(false);
    expect(keys.get('h2')?.throttle).toBeUndefined();
  });
});
