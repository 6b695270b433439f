// UTC days and quota periods. A DAY period is a UTC day, a WEEK starts on Sunday (UTC), a MONTH on the 1st (UTC).
import type { QuotaPeriod } from '../usage-plans/usage-plan-shape';

const DAY_MS = 86_400_000;
const DAY_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;

export function utcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

export const addDays = (day: Date, days: number): Date => new Date(day.getTime() + days * DAY_MS);

export const daysBetween = (from: Date, to: Date): number => Math.round((to.getTime() - from.getTime()) / DAY_MS);

export const formatDay = (day: Date): string => day.toISOString().slice(0, 10);

/** `yyyy-MM-dd` as a UTC day, or null when the text is not a real date in that format. */
export function parseDay(text: string): Date | null {
  const match = DAY_TEXT.exec(text);
  if (!match) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  return formatDay(day) === text ? day : null;
}

export function periodStart(day: Date, period: QuotaPeriod): Date {
  switch (period) {
    case 'DAY':
      return utcDay(day);
    case 'WEEK':
      return addDays(utcDay(day), -day.getUTCDay());
    case 'MONTH':
      return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 1));
  }
}
