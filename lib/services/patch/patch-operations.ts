// AWS's PATCH semantics: `patchOperations` of JSON-pointer-like paths (`~1` for "/", `~0` for "~") applied to one
// resource, all or nothing. Each update service lists the paths it accepts; this file holds the shared parts.
import { z } from 'zod';
import { badRequest } from '../errors';
import { parseInput } from '../validation';

export const patchOperationsInput = z.object({
  patchOperations: z
    .array(
      z.object({
        op: z.enum(['add', 'remove', 'replace', 'move', 'copy', 'test']),
        path: z.string().min(1),
        value: z.string().nullable().optional(),
        from: z.string().optional(),
      }),
    )
    .max(1000)
    .default([]),
});

export type PatchOperation = z.infer<typeof patchOperationsInput>['patchOperations'][number];

export function parsePatchOperations(input: unknown): PatchOperation[] {
  return parseInput(patchOperationsInput, input ?? {}).patchOperations;
}

/** `/requestTemplates/application~1json` → ["requestTemplates", "application/json"] */
export function splitPatchPath(path: string): string[] {
  if (!path.startsWith('/')) throw badRequest(`Invalid patch path ${path}`);
  return path
    .slice(1)
    .split('/')
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'));
}

export function invalidPatchPath(operation: PatchOperation): Error {
  return badRequest(`Invalid patch path ${operation.path}`);
}

export function unsupportedOperation(operation: PatchOperation): Error {
  return badRequest(`Invalid patch operation specified: '${operation.op}' is not supported for ${operation.path}`);
}

export function requireValue(operation: PatchOperation): string {
  if (operation.value === undefined || operation.value === null) {
    throw badRequest(`Invalid patch operation: a value is required for '${operation.op}' on ${operation.path}`);
  }
  return operation.value;
}

export function parseBoolean(operation: PatchOperation): boolean {
  const value = requireValue(operation);
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw badRequest(`Invalid boolean value "${value}" for ${operation.path}: must be true or false`);
}

export function parseInteger(operation: PatchOperation, min: number, max: number): number {
  const value = requireValue(operation);
  const n = Number(value);
  if (!/^-?\d+$/.test(value) || n < min || n > max) {
    throw badRequest(`Invalid value "${value}" for ${operation.path}: must be an integer from ${min} to ${max}`);
  }
  return n;
}

export function parseNumber(operation: PatchOperation, min: number, max: number): number {
  const value = requireValue(operation);
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max) {
    throw badRequest(`Invalid value "${value}" for ${operation.path}: must be a number from ${min} to ${max}`);
  }
  return n;
}

/**
 * Applies an operation on a string map entry (`/requestTemplates/{contentType}` and the like): add and replace set
 * the value, remove deletes the key (a missing key is an error, as AWS reports).
 */
export function patchMapEntry(
  map: Record<string, unknown>,
  key: string,
  operation: PatchOperation,
  toValue: (op: PatchOperation) => unknown = (op) => op.value ?? '',
): void {
  switch (operation.op) {
    case 'add':
    case 'replace':
      map[key] = toValue(operation);
      return;
    case 'remove':
      if (!(key in map)) throw badRequest(`Invalid patch path ${operation.path}: nothing to remove`);
      delete map[key];
      return;
    default:
      throw unsupportedOperation(operation);
  }
}

/** add/remove of one member of a string list (`/binaryMediaTypes/image~1png`, `/authorizationScopes`). */
export function patchListMember(list: string[], member: string, operation: PatchOperation): string[] {
  switch (operation.op) {
    case 'add':
      return list.includes(member) ? list : [...list, member];
    case 'remove':
      return list.filter((item) => item !== member);
    default:
      throw unsupportedOperation(operation);
  }
}

/** For scalar fields: replace (or add) sets, remove clears to null. */
export function patchScalar<T>(operation: PatchOperation, parse: (op: PatchOperation) => T): T | null {
  switch (operation.op) {
    case 'add':
    case 'replace':
      return parse(operation);
    case 'remove':
      return null;
    default:
      throw unsupportedOperation(operation);
  }
}
