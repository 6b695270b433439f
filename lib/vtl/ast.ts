// The syntax tree a template compiles to. Plain data: compiled once at deploy time, rendered per request.
import type { Value } from './values';

/** `$name`, `${name}`, `$!name` followed by `.prop`, `.method(args)` and `[index]` parts. */
export interface Reference {
  kind: 'ref';
  name: string;
  parts: RefPart[];
  quiet: boolean;
  /** The reference as written, rendered when its value is null (`$x` stays `$x`). */
  literal: string;
  /** Offset in the template, for error positions. */
  pos: number;
}

export type RefPart =
  | { kind: 'prop'; name: string }
  | { kind: 'method'; name: string; args: Expr[] }
  | { kind: 'index'; index: Expr };

export type BinaryOp = '||' | '&&' | '==' | '!=' | '<' | '>' | '<=' | '>=' | '+' | '-' | '*' | '/' | '%';

export type Expr =
  /** A constant: number, boolean, null, single-quoted or non-interpolated string, or a bare word argument. */
  | { kind: 'const'; value: Value }
  /** A double-quoted string containing `$` or `#`: a small template of its own. */
  | { kind: 'interpolated'; nodes: Node[] }
  | Reference
  | { kind: 'list'; items: Expr[] }
  | { kind: 'map'; entries: Array<[Expr, Expr]> }
  | { kind: 'range'; from: Expr; to: Expr; pos: number }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr; pos: number }
  | { kind: 'not'; operand: Expr };

export interface IfBranch {
  condition: Expr;
  body: Node[];
}

export type Node =
  | { kind: 'text'; text: string }
  /** A reference in text; `escapes` is the number of backslashes written before the `$`. */
  | { kind: 'output'; ref: Reference; escapes: number }
  | { kind: 'set'; target: Reference; value: Expr; pos: number }
  | { kind: 'if'; branches: IfBranch[]; otherwise: Node[] | null }
  | { kind: 'foreach'; variable: string; iterable: Expr; body: Node[]; pos: number }
  /** `#name(args)`, or `#@name(args) body #end`; `literal` is rendered when no such macro exists. */
  | { kind: 'call'; name: string; args: Expr[]; body: Node[] | null; literal: string; pos: number }
  | { kind: 'define'; name: string; body: Node[]; pos: number }
  | { kind: 'break'; scope: Expr | null; pos: number }
  | { kind: 'stop' }
  | { kind: 'evaluate'; source: Expr; pos: number }
  /** `#include` / `#parse`: there are no template resources behind a mapping template. */
  | { kind: 'unsupported'; directive: string; pos: number };

export interface MacroDefinition {
  name: string;
  params: string[];
  body: Node[];
}

/** A parsed template: compile once with `compileTemplate`, render many times. */
export interface CompiledTemplate {
  readonly source: string;
  readonly nodes: readonly Node[];
  readonly macros: ReadonlyMap<string, MacroDefinition>;
  /** Offsets where lines start, to turn node offsets into line/column for errors. */
  readonly lineStarts: readonly number[];
}
