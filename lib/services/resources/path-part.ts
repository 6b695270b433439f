// Resource path parts as AWS accepts them: literals, `{name}` (one segment) and `{name+}` (greedy, last).
import { badRequest } from '../errors';

const LITERAL = /^[a-zA-Z0-9._:,-]+$/;
const VARIABLE = /^\{[a-zA-Z0-9._-]+\+?\}$/;

export function checkPathPart(pathPart: string): void {
  if (!LITERAL.test(pathPart) && !VARIABLE.test(pathPart)) {
    throw badRequest(
      "Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning and the end and an optional plus sign before the closing brace.",
    );
  }
}

export const isVariable = (pathPart: string | null): boolean => Boolean(pathPart?.startsWith('{'));
export const isGreedy = (pathPart: string | null): boolean => Boolean(pathPart?.endsWith('+}'));

export function childPath(parentPath: string, pathPart: string): string {
  return parentPath === '/' ? `/${pathPart}` : `${parentPath}/${pathPart}`;
}
