import { describe, expect, it } from 'vitest';
import { compileStageThrottles, DEFAULT_METHOD_THROTTLE, methodSettingsKey } from './stage-throttles';

describe('compileStageThrottles', () => {
  it("uses AWS's defaults when the stage sets nothing", () => {
    expect(compileStageThrottles(null).forMethod('pets/GET')).toEqual(DEFAULT_METHOD_THROTTLE);
    expect(compileStageThrottles({}).forMethod('/GET')).toEqual({ rateLimit: 10_000, burstLimit: 5_000 });
  });

  it('gives every method the */* limits unless it has an entry of its own', () => {
    const throttles = compileStageThrottles({
      '*/*': { throttlingRateLimit: 5, throttlingBurstLimit: 2, metricsEnabled: false },
      'pets/{id}/GET': { throttlingRateLimit: 0.5, throttlingBurstLimit: 1 },
      '/GET': { throttlingRateLimit: 100, throttlingBurstLimit: 0 },
    });
    expect(throttles.forMethod('pets/GET')).toEqual({ rateLimit: 5, burstLimit: 2 });
    expect(throttles.forMethod('pets/{id}/GET')).toEqual({ rateLimit: 0.5, burstLimit: 1 });
    expect(throttles.forMethod('/GET')).toEqual({ rateLimit: 100, burstLimit: 0 });
  });

  it('fills what a stored entry lacks from */*', () => {
    const throttles = compileStageThrottles({
      '*/*': { throttlingRateLimit: 5, throttlingBurstLimit: 2 },
      'a/POST': { throttlingRateLimit: 1 },
    });
    expect(throttles.forMethod('a/POST')).toEqual({ rateLimit: 1, burstLimit: 2 });
  });

  it('keys methods as methodSettings does', () => {
    expect(methodSettingsKey('/pets/{id}', 'GET')).toBe('pets/{id}/GET');
    expect(methodSettingsKey('/', 'ANY')).toBe('/ANY');
  });

  it("names each routed method's bucket once, with the method's limits", () => {
    const throttles = compileStageThrottles({ 'pets/{id}/GET': { throttlingBurstLimit: 1 } }, 'api1/prod');
    const route = throttles.forRoute('/pets/{id}', 'GET');
    expect(route).toEqual({ bucket: 'api1/prod pets/{id}/GET', limit: { rateLimit: 10_000, burstLimit: 1 } });
    expect(throttles.forRoute('/pets/{id}', 'GET')).toBe(route);
    expect(throttles.forRoute('/', 'ANY').bucket).toBe('api1/prod /ANY');
  });
});
