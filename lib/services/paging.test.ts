import { describe, expect, it } from 'vitest';
import { ServiceError } from './errors';
import { pageWindow, toPage } from './paging';

describe('limit/position paging', () => {
  it('defaults to 25 and walks pages with an opaque position', () => {
    const first = pageWindow({});
    expect(first).toEqual({ skip: 0, take: 25 });
    const page = toPage(
      Array.from({ length: 26 }, (_, i) => i),
      first,
    );
    expect(page.items).toHaveLength(25);
    expect(page.position).toBeDefined();
    expect(pageWindow({ position: page.position })).toEqual({ skip: 25, take: 25 });
  });

  it('has no position on the last page', () => {
    expect(toPage([1, 2], { skip: 0, take: 25 }).position).toBeUndefined();
  });

  it('refuses limits outside 1..500 and forged positions', () => {
    expect(() => pageWindow({ limit: 501 })).toThrow(ServiceError);
    expect(() => pageWindow({ limit: 0 })).toThrow(ServiceError);
    expect(() => pageWindow({ position: 'not-a-number!' })).toThrow('Invalid position parameter');
  });
});
