// An integration response's selectionPattern: a (Java) regular expression matched against the whole backend status
// code or Lambda error message. A leading inline flag group such as `(?i)` is honoured, as Java does.
import { badRequest } from '../errors';

const INLINE_FLAGS = /^\(\?([ims]+)\)/;

/** The pattern as a JavaScript RegExp that must match the whole subject. Throws a SyntaxError if it does not compile. */
export function compileSelectionPattern(pattern: string): RegExp {
  const flags = INLINE_FLAGS.exec(pattern);
  const body = flags ? pattern.slice(flags[0].length) : pattern;
  return new RegExp(`^(?:${body})$`, [...new Set(flags?.[1] ?? '')].join(''));
}

export function checkSelectionPattern(pattern: string | null): void {
  if (pattern === null) return;
  try {
    compileSelectionPattern(pattern);
  } catch {
    throw badRequest(`Invalid selection pattern specified: ${pattern}`);
  }
}
