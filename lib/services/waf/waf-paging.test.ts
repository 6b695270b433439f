import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMIT, pageQuery, toWafPage } from './waf-paging';

const rows = (names: string[]) => names.map((name) => ({ name }));

describe('WAF paging', () => {
  it('asks for one row more than the page, from the marker’s name', () => {
    expect(pageQuery({})).toEqual({ where: {}, orderBy: { name: 'asc' }, take: DEFAULT_LIMIT + 1 });
    expect(pageQuery({ Limit: 2, NextMarker: 'b' })).toEqual({
      where: { name: { gte: 'b' } },
      orderBy: { name: 'asc' },
      take: 3,
    });
  });

  it('answers a NextMarker, the next item’s name, only while more remain', () => {
    expect(toWafPage(rows(['a', 'b', 'c']), { Limit: 2 })).toEqual({ items: rows(['a', 'b']), nextMarker: 'c' });
    expect(toWafPage(rows(['a', 'b']), { Limit: 2 })).toEqual({ items: rows(['a', 'b']) });
    expect(toWafPage([], {})).toEqual({ items: [] });
  });
});
