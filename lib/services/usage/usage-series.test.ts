import { describe, expect, it } from 'vitest';
import { parseDay, periodStart } from './usage-days';
import { type CounterDay, quotaLeft, usageSeries } from './usage-series';

const d = (text: string): Date => parseDay(text) ?? new Date(Number.NaN);
const counter = (day: string, used: number, adjustment = 0): CounterDay => ({ day: d(day), used, adjustment });

describe('usage days', () => {
  it('parses only real yyyy-MM-dd dates', () => {
    expect(parseDay('2024-02-29')?.toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(parseDay('2023-02-29')).toBeNull();
    expect(parseDay('2024-1-01')).toBeNull();
    expect(parseDay('2024-01-01T00:00:00Z')).toBeNull();
  });

  it('starts weeks on Sunday and months on the 1st (UTC)', () => {
    expect(periodStart(d('2024-05-15'), 'WEEK').toISOString().slice(0, 10)).toBe('2024-05-12');
    expect(periodStart(d('2024-05-12'), 'WEEK').toISOString().slice(0, 10)).toBe('2024-05-12');
    expect(periodStart(d('2024-05-15'), 'MONTH').toISOString().slice(0, 10)).toBe('2024-05-01');
    expect(periodStart(d('2024-05-15'), 'DAY').toISOString().slice(0, 10)).toBe('2024-05-15');
  });
});

describe('usageSeries', () => {
  it('accumulates within a week and resets at the next one; the offset only in the first period', () => {
    const plan = {
      quota: { limit: 100, offset: 10, period: 'WEEK' as const },
      createdAt: new Date('2024-05-13T08:00:00Z'),
    };
    const counters = [counter('2024-05-14', 20), counter('2024-05-18', 5), counter('2024-05-19', 30)];
    expect(usageSeries(plan, counters, d('2024-05-17'), d('2024-05-20'))).toEqual([
      [0, 70],
      [5, 65],
      [30, 70],
      [0, 70],
    ]);
  });

  it('counts adjustments, never reports less than 0, and reports 0 without a quota', () => {
    const plan = {
      quota: { limit: 10, offset: 0, period: 'MONTH' as const },
      createdAt: new Date('2024-01-01T00:00:00Z'),
    };
    const counters = [counter('2024-05-02', 4, 3), counter('2024-05-03', 8)];
    expect(usageSeries(plan, counters, d('2024-05-02'), d('2024-05-03'))).toEqual([
      [4, 3],
      [8, 0],
    ]);
    expect(quotaLeft(plan, counters, d('2024-05-03'))).toBe(-5);
    expect(usageSeries({ quota: null, createdAt: new Date() }, counters, d('2024-05-02'), d('2024-05-02'))).toEqual([
      [4, 0],
    ]);
  });
});
