// The rest-json wire format of API Gateway's management API: timestamps as epoch seconds, absent fields omitted,
// collections as {"item": [...], "position": "..."} (the SDK maps `item` to `items`).
import type { Page } from '../services/paging';

export function toWire(value: unknown): unknown {
  if (value instanceof Date) return Math.floor(value.getTime() / 1000);
  if (Array.isArray(value)) return value.map(toWire);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      if (v !== undefined && v !== null) out[key] = toWire(v);
    }
    return out;
  }
  return value;
}

export function collection<T>(page: Page<T> | T[]): { item: T[]; position?: string } {
  if (Array.isArray(page)) return { item: page };
  return { item: page.items, ...(page.position && { position: page.position }) };
}
