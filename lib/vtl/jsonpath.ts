// The JSONPath behind `$input.json(...)` and `$input.path(...)`: Jayway JsonPath semantics for the subset templates
// use. `$`, `.name`, `['name']`, `["name"]`, `['a','b']`, `[n]`, `[-n]`, `[n,m]`, `[a:b]`, `[*]`, `.*`, `..name`
// (deep scan), filters `[?(@.a == 'x')]` with == != < <= > >= =~ && || ! and existence tests, and `.length()`.
// A definite path (names and single indexes only) yields one value or MISSING; any other path yields a JSONArray of
// every match (empty when nothing matches). A path without a leading `$` is read as `$.path`, as Jayway does.
import { javaEquals } from './display';
import { JavaException } from './errors';
import { compileJavaRegex } from './java-regex';
import { compareNumbers, isNumber, JavaList, JavaMap, type Value } from './values';

export const MISSING: unique symbol = Symbol('missing');
export type PathResult = Value | typeof MISSING;

type FilterOperand =
  | { t: 'path'; root: '@' | '$'; segs: Seg[] }
  | { t: 'value'; v: Value }
  | { t: 'regex'; re: string; flags: string };

type Filter =
  | { t: 'or' | 'and'; left: Filter; right: Filter }
  | { t: 'not'; inner: Filter }
  | { t: 'exists'; operand: FilterOperand }
  | { t: 'cmp'; op: '==' | '!=' | '<' | '<=' | '>' | '>=' | '=~'; left: FilterOperand; right: FilterOperand };

type Seg =
  | { t: 'prop'; names: string[] }
  | { t: 'wild' }
  | { t: 'index'; indexes: number[] }
  | { t: 'slice'; from: number | null; to: number | null }
  | { t: 'filter'; filter: Filter }
  | { t: 'scan'; inner: Seg }
  | { t: 'fn'; name: string };

export interface CompiledPath {
  segs: Seg[];
  definite: boolean;
}

function invalid(message: string): never {
  throw new JavaException('com.jayway.jsonpath.InvalidPathException', message);
}

class PathParser {
  pos = 0;
  constructor(private readonly s: string) {}

  peek(offset = 0): string {
    return this.s[this.pos + offset] ?? '';
  }

  skipSpace(): void {
    while (this.peek() === ' ') this.pos++;
  }

  segments(stopAt: string): Seg[] {
    const segs: Seg[] = [];
    for (;;) {
      const c = this.peek();
      if (c === '' || stopAt.includes(c)) return segs;
      if (c === '.') {
        if (this.peek(1) === '.') {
          this.pos += 2;
          if (this.peek() === '[') segs.push({ t: 'scan', inner: this.bracket() });
          else segs.push({ t: 'scan', inner: this.dotSegment() });
        } else {
          this.pos++;
          segs.push(this.dotSegment());
        }
      } else if (c === '[') {
        segs.push(this.bracket());
      } else {
        return invalid(`Unexpected character '${c}' at position ${this.pos} in path ${this.s}`);
      }
    }
  }

  dotSegment(): Seg {
    if (this.peek() === '*') {
      this.pos++;
      return { t: 'wild' };
    }
    const start = this.pos;
    while (this.pos < this.s.length && !'.[( )]=!<>&|'.includes(this.peek())) this.pos++;
    const name = this.s.slice(start, this.pos);
    if (name === '') invalid(`Path must not end with a '.' or '..' in ${this.s}`);
    if (this.peek() === '(' && this.peek(1) === ')') {
      this.pos += 2;
      return { t: 'fn', name };
    }
    return { t: 'prop', names: [name] };
  }

  quoted(): string {
    const q = this.peek();
    let out = '';
    this.pos++;
    while (this.pos < this.s.length && this.peek() !== q) {
      if (this.peek() === '\\' && this.pos + 1 < this.s.length) this.pos++;
      out += this.peek();
      this.pos++;
    }
    if (this.peek() !== q) invalid(`Property has no closing quote in ${this.s}`);
    this.pos++;
    return out;
  }

  integer(): number | null {
    const m = /-?\d+/y;
    m.lastIndex = this.pos;
    const r = m.exec(this.s);
    if (r === null) return null;
    this.pos += r[0].length;
    return Number(r[0]);
  }

  bracket(): Seg {
    this.pos++;
    this.skipSpace();
    const c = this.peek();
    let seg: Seg;
    if (c === '*') {
      this.pos++;
      seg = { t: 'wild' };
    } else if (c === "'" || c === '"') {
      const names = [this.quoted()];
      this.skipSpace();
      while (this.peek() === ',') {
        this.pos++;
        this.skipSpace();
        if (this.peek() !== "'" && this.peek() !== '"') invalid(`Expected a quoted property in ${this.s}`);
        names.push(this.quoted());
        this.skipSpace();
      }
      seg = { t: 'prop', names };
    } else if (c === '?') {
      this.pos++;
      this.skipSpace();
      if (this.peek() !== '(') invalid(`Expected ( after ? in ${this.s}`);
      this.pos++;
      const filter = this.filterOr();
      this.skipSpace();
      if (this.peek() !== ')') invalid(`Expected ) to close the filter in ${this.s}`);
      this.pos++;
      seg = { t: 'filter', filter };
    } else {
      const first = this.integer();
      this.skipSpace();
      if (this.peek() === ':') {
        this.pos++;
        this.skipSpace();
        const to = this.integer();
        seg = { t: 'slice', from: first, to };
      } else {
        if (first === null) invalid(`Could not parse token starting at position ${this.pos} in ${this.s}`);
        const indexes = [first];
        while (this.peek() === ',') {
          this.pos++;
          this.skipSpace();
          const next = this.integer();
          if (next === null) invalid(`Expected an index in ${this.s}`);
          indexes.push(next);
          this.skipSpace();
        }
        seg = { t: 'index', indexes };
      }
    }
    this.skipSpace();
    if (this.peek() !== ']') invalid(`Expected ] at position ${this.pos} in ${this.s}`);
    this.pos++;
    return seg;
  }

  filterOr(): Filter {
    let left = this.filterAnd();
    for (;;) {
      this.skipSpace();
      if (this.peek() === '|' && this.peek(1) === '|') {
        this.pos += 2;
        left = { t: 'or', left, right: this.filterAnd() };
      } else return left;
    }
  }

  filterAnd(): Filter {
    let left = this.filterUnary();
    for (;;) {
      this.skipSpace();
      if (this.peek() === '&' && this.peek(1) === '&') {
        this.pos += 2;
        left = { t: 'and', left, right: this.filterUnary() };
      } else return left;
    }
  }

  filterUnary(): Filter {
    this.skipSpace();
    if (this.peek() === '!' && this.peek(1) !== '=') {
      this.pos++;
      return { t: 'not', inner: this.filterUnary() };
    }
    if (this.peek() === '(') {
      this.pos++;
      const inner = this.filterOr();
      this.skipSpace();
      if (this.peek() !== ')') invalid(`Expected ) in filter of ${this.s}`);
      this.pos++;
      return inner;
    }
    const left = this.operand();
    this.skipSpace();
    const op = /^(==|!=|<=|>=|=~|<|>)/.exec(this.s.slice(this.pos, this.pos + 2))?.[1];
    if (op === undefined) {
      if (left.t !== 'path') invalid(`Expected a comparison in filter of ${this.s}`);
      return { t: 'exists', operand: left };
    }
    this.pos += op.length;
    const right = this.operand();
    return { t: 'cmp', op: op as '==' | '!=' | '<' | '<=' | '>' | '>=' | '=~', left, right };
  }

  operand(): FilterOperand {
    this.skipSpace();
    const c = this.peek();
    if (c === '@' || c === '$') {
      this.pos++;
      return { t: 'path', root: c, segs: this.segments(' )=!<>&|') };
    }
    if (c === "'" || c === '"') return { t: 'value', v: this.quoted() };
    if (c === '/') {
      const end = this.s.indexOf('/', this.pos + 1);
      if (end < 0) invalid(`Unterminated regex in ${this.s}`);
      const re = this.s.slice(this.pos + 1, end);
      this.pos = end + 1;
      const flagStart = this.pos;
      while (/[a-z]/.test(this.peek())) this.pos++;
      return { t: 'regex', re, flags: this.s.slice(flagStart, this.pos) };
    }
    const m = /-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|null/y;
    m.lastIndex = this.pos;
    const r = m.exec(this.s);
    if (r === null) return invalid(`Unexpected character in filter at position ${this.pos} of ${this.s}`);
    this.pos += r[0].length;
    const t = r[0];
    if (t === 'true' || t === 'false') return { t: 'value', v: t === 'true' };
    if (t === 'null') return { t: 'value', v: null };
    return { t: 'value', v: Number(t) };
  }
}

/** Jayway: names, single indexes and functions are definite; so are several names in the last segment (merged). */
const isDefinite = (segs: readonly Seg[]): boolean =>
  segs.every(
    (s, i) =>
      (s.t === 'prop' && (s.names.length === 1 || i === segs.length - 1)) ||
      (s.t === 'index' && s.indexes.length === 1) ||
      s.t === 'fn',
  );

const cache = new Map<string, CompiledPath>();

export function compileJsonPath(path: string): CompiledPath {
  const hit = cache.get(path);
  if (hit !== undefined) return hit;
  let p = path.trim();
  if (p === '') invalid('Path may not be null empty');
  if (!p.startsWith('$') && !p.startsWith('@')) p = `$.${p}`;
  const parser = new PathParser(p);
  parser.pos = 1;
  const segs = parser.segments('');
  const compiled = { segs, definite: isDefinite(segs) };
  if (cache.size > 1000) cache.clear();
  cache.set(path, compiled);
  return compiled;
}

function pushChildren(v: Value, out: Value[]): void {
  if (v instanceof JavaMap) for (const [, val] of v) out.push(val);
  else if (v instanceof JavaList) for (const item of v.items) out.push(item);
}

/** Steps left in the current evaluation: filters with deep scans inside deep scans are quadratic. */
let stepsLeft = 0;
const MAX_STEPS = 10_000_000;

function step(): void {
  if (--stepsLeft < 0)
    throw new JavaException('com.jayway.jsonpath.JsonPathException', 'JSONPath evaluation too expensive');
}

function applySeg(seg: Seg, node: Value, root: Value, out: Value[], last: boolean): void {
  step();
  switch (seg.t) {
    case 'prop':
      if (node instanceof JavaMap) {
        if (seg.names.length === 1 || !last) {
          for (const name of seg.names) {
            const v = node.lookup(name);
            if (v !== undefined) out.push(v);
          }
        } else {
          const m = new JavaMap();
          for (const name of seg.names) if (node.has(name)) m.put(name, node.get(name));
          out.push(m);
        }
      }
      return;
    case 'wild':
      pushChildren(node, out);
      return;
    case 'index':
      if (node instanceof JavaList) {
        for (const i of seg.indexes) {
          const at = i < 0 ? node.items.length + i : i;
          if (at >= 0 && at < node.items.length) out.push(node.items[at] ?? null);
        }
      }
      return;
    case 'slice':
      if (node instanceof JavaList) {
        const len = node.items.length;
        const norm = (i: number | null, dflt: number) =>
          i === null ? dflt : i < 0 ? Math.max(0, len + i) : Math.min(i, len);
        for (let i = norm(seg.from, 0); i < norm(seg.to, len); i++) out.push(node.items[i] ?? null);
      }
      return;
    case 'filter':
      if (node instanceof JavaList) {
        for (const item of node.items) {
          step();
          if (testFilter(seg.filter, item, root)) out.push(item);
        }
      } else if (node instanceof JavaMap && testFilter(seg.filter, node, root)) {
        out.push(node);
      }
      return;
    case 'scan': {
      const visit = (v: Value, depth: number) => {
        if (depth > 1000) throw new JavaException('java.lang.StackOverflowError', 'deep scan');
        applySeg(seg.inner, v, root, out, last);
        if (v instanceof JavaMap) {
          for (const [, c] of v) if (c instanceof JavaMap || c instanceof JavaList) visit(c, depth + 1);
        } else if (v instanceof JavaList) {
          for (const c of v.items) if (c instanceof JavaMap || c instanceof JavaList) visit(c, depth + 1);
        }
      };
      visit(node, 0);
      return;
    }
    case 'fn':
      if (seg.name === 'length' || seg.name === 'size') {
        if (node instanceof JavaList) out.push(node.items.length);
        else if (node instanceof JavaMap) out.push(node.size);
        else if (typeof node === 'string') out.push(node.length);
        return;
      }
      invalid(`Function with name: ${seg.name} does not exist.`);
  }
}

function evaluateSegs(segs: readonly Seg[], start: Value, root: Value): Value[] {
  let current: Value[] = [start];
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i];
    if (seg === undefined) break;
    const next: Value[] = [];
    for (const node of current) applySeg(seg, node, root, next, i === segs.length - 1);
    current = next;
    if (current.length === 0) break;
  }
  return current;
}

function operandValue(o: FilterOperand, item: Value, root: Value): PathResult {
  if (o.t === 'value') return o.v;
  if (o.t === 'regex') return MISSING;
  const found = evaluateSegs(o.segs, o.root === '@' ? item : root, root);
  if (isDefinite(o.segs)) return found.length === 0 ? MISSING : (found[0] ?? null);
  return new JavaList(found, 'JSONArray');
}

function compareValues(a: PathResult, b: PathResult): number | null {
  if (a === MISSING || b === MISSING || a === null || b === null) return null;
  if (isNumber(a) && isNumber(b)) return compareNumbers(a, b);
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return null;
}

function testFilter(f: Filter, item: Value, root: Value): boolean {
  switch (f.t) {
    case 'or':
      return testFilter(f.left, item, root) || testFilter(f.right, item, root);
    case 'and':
      return testFilter(f.left, item, root) && testFilter(f.right, item, root);
    case 'not':
      return !testFilter(f.inner, item, root);
    case 'exists':
      return operandValue(f.operand, item, root) !== MISSING;
    case 'cmp': {
      const left = operandValue(f.left, item, root);
      if (f.op === '=~') {
        if (f.right.t !== 'regex' || typeof left !== 'string') return false;
        const { global } = compileJavaRegex(f.right.flags.includes('i') ? `(?i)${f.right.re}` : f.right.re);
        global.lastIndex = 0;
        return global.test(left);
      }
      const right = operandValue(f.right, item, root);
      if (f.op === '==' || f.op === '!=') {
        const eq =
          left !== MISSING &&
          right !== MISSING &&
          (isNumber(left) && isNumber(right) ? compareNumbers(left, right) === 0 : javaEquals(left, right));
        return f.op === '==' ? eq : !eq;
      }
      const c = compareValues(left, right);
      if (c === null) return false;
      return f.op === '<' ? c < 0 : f.op === '<=' ? c <= 0 : f.op === '>' ? c > 0 : c >= 0;
    }
  }
}

/** Evaluates a compiled path against a parsed document. */
export function evaluateJsonPath(
  path: CompiledPath,
  root: Value,
  onSteps: (steps: number) => void = () => {},
): PathResult {
  stepsLeft = MAX_STEPS;
  let found: Value[];
  try {
    found = evaluateSegs(path.segs, root, root);
  } finally {
    onSteps(MAX_STEPS - stepsLeft); // what the evaluation cost, charged to the template's budget
  }
  if (path.definite) return found.length === 0 ? MISSING : (found[0] ?? null);
  return new JavaList(found, 'JSONArray');
}
