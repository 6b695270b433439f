// Lambda's Marker / MaxItems paging: at most 50 items a page (Lambda's cap, whatever MaxItems asks), and an opaque
// NextMarker while more remain.
import { invalidParameter, validationError, violation } from './lambda-errors';

export interface LambdaPageRequest {
  marker?: string | null;
  maxItems?: string | null;
}

const PAGE_CAP = 50;

function readMaxItems(raw: string | null | undefined): number {
  if (raw === null || raw === undefined || raw === '') return PAGE_CAP;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1 || value > 10000) {
    const constraint =
      value > 10000
        ? 'Member must have value less than or equal to 10000'
        : 'Member must have value greater than or equal to 1';
    throw validationError([violation('maxItems', raw, constraint)]);
  }
  return Math.min(value, PAGE_CAP);
}

function readMarker(marker: string | null | undefined): number {
  if (!marker) return 0;
  const offset = Number(Buffer.from(marker, 'base64url').toString('utf8'));
  if (!Number.isInteger(offset) || offset < 0) throw invalidParameter('Invalid marker'); // (?)
  return offset;
}

export function lambdaPage<T>(items: readonly T[], request: LambdaPageRequest): { items: T[]; nextMarker?: string } {
  const take = readMaxItems(request.maxItems);
  const skip = readMarker(request.marker);
  const page = items.slice(skip, skip + take);
  if (skip + take >= items.length) return { items: page };
  return { items: page, nextMarker: Buffer.from(String(skip + take), 'utf8').toString('base64url') };
}
