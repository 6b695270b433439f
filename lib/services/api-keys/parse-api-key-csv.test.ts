import { describe, expect, it } from 'vitest';
import { parseApiKeyCsv } from './parse-api-key-csv';

const value = 'a'.repeat(20);

describe('parseApiKeyCsv', () => {
  it('reads columns in any order and case, with plan ids split on ; or ,', () => {
    const csv = `\uFEFFusageplanIds,ENABLED,key,Name\n"p1;p2, p3",True,${value},one\n`;
    expect(parseApiKeyCsv(csv)).toEqual({
      rows: [{ record: 1, value, name: 'one', enabled: true, usagePlanIds: ['p1', 'p2', 'p3'] }],
      warnings: [],
    });
  });

  it('accepts Value for Key and warns about unknown columns and Enabled values', () => {
    const { rows, warnings } = parseApiKeyCsv(`Value,Colour,Enabled\n${value},red,maybe\n`);
    expect(rows[0]).toMatchObject({ value, enabled: false, usagePlanIds: [] });
    expect(warnings).toEqual([
      "Unrecognized column header 'Colour' ignored",
      "Record 1: invalid Enabled value 'maybe', the key is created disabled",
    ]);
  });

  it('rejects empty files, missing keys and ragged rows', () => {
    expect(() => parseApiKeyCsv('')).toThrow('the file is empty');
    expect(() => parseApiKeyCsv('Name,Key\nx,\n')).toThrow('record 1 has no key value');
    expect(() => parseApiKeyCsv(`Name,Key\nx,${value},extra\n`)).toThrow('Invalid CSV file');
  });
});
