// The CSV that ImportApiKeys takes, in AWS's format: a header row naming the columns (any order, any case) among
// Name, Key (or Value), Description, Enabled, UsagePlanIds (plan ids separated by ';' or ','), CustomerId.
// A malformed file or a row without a usable key is a BadRequestException; smaller problems are warnings.
import { CsvError, parse } from 'csv-parse/sync';
import { badRequest } from '../errors';
import { checkApiKeyValue } from './api-key-value';

export interface ImportRow {
  /** 1-based number of the data record, for messages */
  record: number;
  value: string;
  name?: string;
  description?: string;
  enabled: boolean;
  customerId?: string;
  usagePlanIds: string[];
}

type Column = 'value' | 'name' | 'description' | 'enabled' | 'usageplanids' | 'customerid';

const COLUMNS: Record<string, Column> = {
  key: 'value',
  value: 'value',
  name: 'name',
  description: 'description',
  enabled: 'enabled',
  usageplanids: 'usageplanids',
  customerid: 'customerid',
};

function readRecords(csv: string): string[][] {
  try {
    return parse(csv, { bom: true, trim: true, skip_empty_lines: true });
  } catch (error) {
    if (error instanceof CsvError) throw badRequest(`Invalid CSV file: ${error.message}`);
    throw error;
  }
}

export function parseApiKeyCsv(csv: string): { rows: ImportRow[]; warnings: string[] } {
  const [header, ...records] = readRecords(csv);
  if (!header) throw badRequest('Invalid CSV file: the file is empty');
  const warnings: string[] = [];
  const index = new Map<Column, number>();
  header.forEach((title, i) => {
    const column = COLUMNS[title.toLowerCase()];
    if (!column) warnings.push(`Unrecognized column header '${title}' ignored`);
    else if (index.has(column)) throw badRequest(`Invalid CSV file: duplicate column header '${title}'`);
    else index.set(column, i);
  });
  if (!index.has('value')) throw badRequest("Invalid CSV file: a 'Key' column is required");
  const rows = records.map((fields, i): ImportRow => {
    const record = i + 1;
    const cell = (column: Column): string | undefined => {
      const at = index.get(column);
      const text = at === undefined ? undefined : fields[at];
      return text === undefined || text === '' ? undefined : text;
    };
    const value = cell('value');
    if (!value) throw badRequest(`Invalid CSV file: record ${record} has no key value`);
    try {
      checkApiKeyValue(value);
    } catch (error) {
      throw badRequest(`Invalid CSV file: record ${record}: ${(error as Error).message}`);
    }
    const enabledText = cell('enabled')?.toLowerCase();
    if (enabledText !== undefined && enabledText !== 'true' && enabledText !== 'false') {
      warnings.push(`Record ${record}: invalid Enabled value '${cell('enabled')}', the key is created disabled`);
    }
    const name = cell('name');
    if (name !== undefined && name.length > 1024) {
      throw badRequest(`Invalid CSV file: record ${record}: the name is longer than 1024 characters`);
    }
    return {
      record,
      value,
      name,
      description: cell('description'),
      enabled: enabledText === 'true',
      customerId: cell('customerid'),
      usagePlanIds: (cell('usageplanids') ?? '')
        .split(/[;,]/)
        .map((id) => id.trim())
        .filter(Boolean),
    };
  });
  return { rows, warnings };
}
