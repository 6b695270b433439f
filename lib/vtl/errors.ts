// Errors of the mapping-template engine. The gateway answers 500 for a VtlRuntimeError and refuses to deploy (or
// answers 500, as AWS does at invoke time) for a VtlSyntaxError.

/** Line and column (both 1-based) of an offset in a template. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** Offsets of line starts, so an offset can be turned into a line and column without rescanning. */
export function lineStarts(source: string): number[] {
  const starts = [0];
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (source.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

export function positionAt(starts: readonly number[], offset: number): SourcePosition {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
}

/** The template does not parse (or is too large). */
export class VtlSyntaxError extends Error {
  override readonly name = 'VtlSyntaxError';
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${reason} at line ${line}, column ${column}`);
  }
}

/** Rendering failed: a Java exception in AWS (bad JSON, index out of bounds, …) or one of Portico's work limits. */
export class VtlRuntimeError extends Error {
  override readonly name = 'VtlRuntimeError';
  constructor(
    readonly reason: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(line === undefined ? reason : `${reason} at line ${line}, column ${column}`);
  }
}

/**
 * Thrown by value and method code that has no access to template positions; the renderer catches it and rethrows a
 * VtlRuntimeError with the position of the reference being evaluated.
 */
export class JavaException extends Error {
  override readonly name = 'JavaException';
  constructor(
    readonly javaClass: string,
    detail: string,
  ) {
    super(detail === '' ? javaClass : `${javaClass}: ${detail}`);
  }
}
