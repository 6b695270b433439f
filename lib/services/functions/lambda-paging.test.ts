import { describe, expect, it } from 'vitest';
import { lambdaPage } from './lambda-paging';

describe('lambdaPage', () => {
  const items = Array.from({ length: 120 }, (_, i) => i);

  it('pages by at most 50, whatever MaxItems asks, with an opaque NextMarker', () => {
    const first = lambdaPage(items, {});
    expect(first.items).toEqual(items.slice(0, 50));
    const second = lambdaPage(items, { marker: first.nextMarker, maxItems: '1000' });
    expect(second.items).toEqual(items.slice(50, 100));
    const last = lambdaPage(items, { marker: second.nextMarker });
    expect(last.items).toEqual(items.slice(100));
    expect(last.nextMarker).toBeUndefined();
    expect(lambdaPage(items, { maxItems: '2' }).items).toEqual([0, 1]);
  });

  it('refuses MaxItems outside 1–10000 and forged markers', () => {
    expect(() => lambdaPage(items, { maxItems: '0' })).toThrow(/Value '0' at 'maxItems'/);
    expect(() => lambdaPage(items, { maxItems: '10001' })).toThrow(/less than or equal to 10000/);
    expect(() => lambdaPage(items, { marker: 'bm9wZQ' })).toThrow('Invalid marker');
  });
});
