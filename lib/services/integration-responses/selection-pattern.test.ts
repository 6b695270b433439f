import { describe, expect, it } from 'vitest';
import { checkSelectionPattern, compileSelectionPattern } from './selection-pattern';

describe('selection patterns', () => {
  it('match the whole subject, honouring a leading inline flag group', () => {
    expect(compileSelectionPattern('4\\d{2}').test('404')).toBe(true);
    expect(compileSelectionPattern('4\\d{2}').test('4040')).toBe(false);
    expect(compileSelectionPattern('.*Not Found.*').test('Error: Not Found here')).toBe(true);
    expect(compileSelectionPattern('(?i).*not found.*').test('NOT FOUND')).toBe(true);
    expect(compileSelectionPattern('.+').test('line\nbreak')).toBe(false);
  });

  it('refuses patterns that do not compile', () => {
    expect(() => checkSelectionPattern('([')).toThrow('Invalid selection pattern specified: ([');
    expect(() => checkSelectionPattern(null)).not.toThrow();
    expect(() => checkSelectionPattern('2\\d{2}')).not.toThrow();
  });
});
