// Renders a compiled template. Everything a template can do is bounded: output size, string and collection sizes,
// total work (an operation budget), `#foreach` iterations (AWS's 1000) and macro/#define/#evaluate nesting
// (Velocity's velocimacro.max.depth, 20). Any failure surfaces as VtlRuntimeError, which the gateway answers 500 for.
import type { CompiledTemplate, Expr, MacroDefinition, Node, Reference } from './ast';
import type { VtlContext } from './context';
import { toJavaString, velocityEquals } from './display';
import { JavaException, positionAt, VtlRuntimeError, VtlSyntaxError } from './errors';
import { getProperty, indexValue, invokeMethod, setMember } from './java-methods';
import { compileTemplate } from './parser';
import {
  arithmetic,
  compareNumbers,
  HostObject,
  intArg,
  isNullish,
  isNumber,
  JavaList,
  JavaMap,
  type MethodRuntime,
  truthy,
  type Value,
} from './values';

export interface RenderOptions {
  /** Output (and any single string) limit in UTF-16 units. Default 10 MiB, API Gateway's payload limit. */
  maxOutputLength?: number;
  /** Budget of evaluation steps (nodes, expressions, iterations, data processed). Default 5,000,000. */
  maxOperations?: number;
  /** Iterations allowed in one `#foreach`. Default 1000, AWS's limit; one more is an error. */
  maxForeachIterations?: number;
  /** Nesting of macro calls, `#define` blocks and `#evaluate`. Default 20 (Velocity's velocimacro.max.depth). */
  maxCallDepth?: number;
  /** Elements in one list or map (ranges, add, put, split). Default 1,000,000. */
  maxCollectionSize?: number;
  /**
   * How a null reference renders: `literal` (Velocity's default, `$x` stays `$x`) or `empty`. Default `literal`.
   */
  nullReferences?: 'literal' | 'empty';
}

const DEFAULTS = {
  maxOutputLength: 10 * 1024 * 1024,
  maxOperations: 5_000_000,
  maxForeachIterations: 1000,
  maxCallDepth: 20,
  maxCollectionSize: 1_000_000,
  nullReferences: 'literal',
} as const;

/** `#stop`. */
class StopSignal {}

/** `#break` / `#break($foreach)`. */
class BreakSignal {
  constructor(readonly scope: HostObject | null) {}
}

/** `$foreach`: index, count, hasNext, first, last, parent, topmost. */
class ForeachScope extends HostObject {
  readonly javaClass = 'org.apache.velocity.runtime.directive.ForeachScope';
  index = -1;
  hasNext = false;
  constructor(readonly parent: ForeachScope | null) {
    super();
  }
  private property(name: string): Value | undefined {
    switch (name) {
      case 'index':
        return this.index;
      case 'count':
        return this.index + 1;
      case 'hasNext':
        return this.hasNext;
      case 'first':
        return this.index === 0;
      case 'last':
        return !this.hasNext;
      case 'parent':
        return this.parent;
      case 'topmost': {
        let s: ForeachScope = this;
        while (s.parent !== null) s = s.parent;
        return s;
      }
      default:
        return undefined;
    }
  }
  override getProperty(name: string): Value | undefined {
    return this.property(name);
  }
  override invoke(name: string, args: readonly Value[]): Value | undefined {
    if (args.length !== 0) return undefined;
    if (name === 'hasNext') return this.hasNext;
    const m = /^(get|is)([A-Z]\w*)$/.exec(name);
    const prop = m?.[2];
    if (prop === undefined) return undefined;
    return this.property(prop.charAt(0).toLowerCase() + prop.slice(1));
  }
}

/** A `#define` block (and a block macro's `$bodyContent`): renders its body, in the current context, when printed. */
class BlockValue extends HostObject {
  readonly javaClass = 'org.apache.velocity.runtime.directive.Block$Reference';
  constructor(private readonly renderBody: () => string) {
    super();
  }
  override toJavaString(): string {
    return this.renderBody();
  }
}

interface Frame {
  vars: Map<string, Value>;
}

class Renderer implements MethodRuntime {
  out = '';
  private ops = 0;
  private depth = 0;
  private readonly globals = new Map<string, Value>();
  /** Macro argument frames, innermost last. */
  private readonly frames: Frame[] = [];
  private readonly macroScopes: Array<ReadonlyMap<string, MacroDefinition>> = [];
  private currentForeach: ForeachScope | null = null;
  private readonly evaluated = new Map<string, CompiledTemplate>();
  private readonly opts: Required<RenderOptions>;

  constructor(
    private readonly template: CompiledTemplate,
    context: VtlContext,
    options: RenderOptions,
  ) {
    // Field by field, so that an option given as `undefined` keeps its default instead of disabling a limit.
    this.opts = {
      maxOutputLength: options.maxOutputLength ?? DEFAULTS.maxOutputLength,
      maxOperations: options.maxOperations ?? DEFAULTS.maxOperations,
      maxForeachIterations: options.maxForeachIterations ?? DEFAULTS.maxForeachIterations,
      maxCallDepth: options.maxCallDepth ?? DEFAULTS.maxCallDepth,
      maxCollectionSize: options.maxCollectionSize ?? DEFAULTS.maxCollectionSize,
      nullReferences: options.nullReferences ?? DEFAULTS.nullReferences,
    };
    for (const [k, v] of Object.entries(context.variables)) this.globals.set(k, v);
    this.macroScopes.push(template.macros);
  }

  // MethodRuntime ---------------------------------------------------------------------------------------------

  checkString(s: string): string {
    this.checkStringLength(s.length);
    return s;
  }
  checkStringLength(length: number): void {
    if (length > this.opts.maxOutputLength) this.limit(`a string grew beyond ${this.opts.maxOutputLength} characters`);
  }
  checkCollectionSize(size: number): void {
    if (size > this.opts.maxCollectionSize)
      this.limit(`a collection grew beyond ${this.opts.maxCollectionSize} elements`);
  }
  charge(units: number): void {
    this.ops += units / 8; // not `>> 3`: a product of two sizes can pass 2^31
    if (this.ops > this.opts.maxOperations) this.limit('the template used up its operation budget');
  }

  // -----------------------------------------------------------------------------------------------------------

  private limit(what: string): never {
    throw new VtlRuntimeError(`Template limit exceeded: ${what}`);
  }

  private tick(): void {
    if (++this.ops > this.opts.maxOperations) this.limit('the template used up its operation budget');
  }

  errorAt(reason: string, pos: number): VtlRuntimeError {
    const p = positionAt(this.template.lineStarts, pos);
    return new VtlRuntimeError(reason, p.line, p.column);
  }

  private write(s: string): void {
    this.out += s;
    if (this.out.length > this.opts.maxOutputLength)
      this.limit(`output grew beyond ${this.opts.maxOutputLength} characters`);
  }

  /** Renders nodes into a string (interpolated strings, #define blocks) without touching the main output. */
  private capture(nodes: readonly Node[]): string {
    const saved = this.out;
    this.out = '';
    try {
      this.renderNodes(nodes);
      return this.out;
    } finally {
      this.out = saved;
    }
  }

  private enterCall(what: string, pos: number): void {
    if (this.depth >= this.opts.maxCallDepth) {
      throw this.errorAt(`Max calling depth of ${this.opts.maxCallDepth} was exceeded in ${what}`, pos);
    }
    this.depth++;
  }

  // Variables --------------------------------------------------------------------------------------------------

  private lookup(name: string): Value {
    for (let i = this.frames.length - 1; i >= 0; i--) {
      const f = this.frames[i];
      if (f?.vars.has(name)) return f.vars.get(name) ?? null;
    }
    return this.globals.get(name) ?? null;
  }

  /** Where `name` lives: the innermost macro frame that has it as an argument, else the global context. */
  private storeFor(name: string): Map<string, Value> {
    for (let i = this.frames.length - 1; i >= 0; i--) {
      const f = this.frames[i];
      if (f?.vars.has(name)) return f.vars;
    }
    return this.globals;
  }

  // Nodes ------------------------------------------------------------------------------------------------------

  renderNodes(nodes: readonly Node[]): void {
    for (const node of nodes) this.renderNode(node);
  }

  private renderNode(node: Node): void {
    this.tick();
    switch (node.kind) {
      case 'text':
        this.write(node.text);
        return;
      case 'output':
        this.renderOutput(node.ref, node.escapes);
        return;
      case 'set':
        this.renderSet(node.target, node.value);
        return;
      case 'if':
        for (const branch of node.branches) {
          if (truthy(this.evaluate(branch.condition))) {
            this.renderNodes(branch.body);
            return;
          }
        }
        if (node.otherwise !== null) this.renderNodes(node.otherwise);
        return;
      case 'foreach':
        this.renderForeach(node.variable, node.iterable, node.body, node.pos);
        return;
      case 'call':
        this.renderCall(node.name, node.args, node.body, node.literal, node.pos);
        return;
      case 'define':
        this.storeFor(node.name).set(node.name, this.block(node.body, `#define($${node.name})`, node.pos));
        return;
      case 'break': {
        const scope = node.scope === null ? null : this.evaluate(node.scope);
        throw new BreakSignal(scope instanceof HostObject ? scope : null);
      }
      case 'stop':
        throw new StopSignal();
      case 'evaluate':
        this.renderEvaluate(node.source, node.pos);
        return;
      case 'unsupported':
        throw this.errorAt(
          `#${node.directive} is not available in mapping templates (there are no template resources)`,
          node.pos,
        );
    }
  }

  private block(body: readonly Node[], what: string, pos: number): BlockValue {
    return new BlockValue(() => {
      this.enterCall(what, pos);
      try {
        return this.capture(body);
      } finally {
        this.depth--;
      }
    });
  }

  private renderOutput(ref: Reference, escapes: number): void {
    const value = this.evalRef(ref);
    if (isNullish(value)) {
      // Null: the reference as written (`$x`), nothing for `$!x`; backslashes stay, since it is plain text.
      if (escapes > 0) this.write('\\'.repeat(escapes));
      if (escapes > 0 || (!ref.quiet && this.opts.nullReferences === 'literal')) this.write(ref.literal);
      return;
    }
    if (escapes % 2 === 1) {
      // `\$x` with $x set renders `$x`.
      this.write('\\'.repeat((escapes - 1) / 2) + ref.literal);
      return;
    }
    if (escapes > 0) this.write('\\'.repeat(escapes / 2));
    this.write(this.display(value, ref.pos));
  }

  private display(value: Value, pos: number): string {
    try {
      return this.checkString(toJavaString(value));
    } catch (e) {
      throw this.wrap(e, pos);
    }
  }

  private renderSet(target: Reference, valueExpr: Expr): void {
    const value = this.evaluate(valueExpr);
    // Quirk (Velocity 1.7, directive.set.null.allowed=false): a null right-hand side leaves the target unchanged.
    if (isNullish(value)) return;
    if (target.parts.length === 0) {
      this.storeFor(target.name).set(target.name, value);
      return;
    }
    try {
      let obj = this.lookup(target.name);
      const last = target.parts.length - 1;
      for (let i = 0; i < last && obj !== null; i++) {
        const part = target.parts[i];
        if (part !== undefined) obj = this.applyPart(obj, part);
      }
      const part = target.parts[last];
      if (obj === null || part === undefined || part.kind === 'method') return;
      if (part.kind === 'prop') setMember(obj, part.name, value, false, this);
      else setMember(obj, this.evaluate(part.index), value, true, this);
    } catch (e) {
      throw this.wrap(e, target.pos);
    }
  }

  private renderForeach(variable: string, iterableExpr: Expr, body: readonly Node[], pos: number): void {
    // What to iterate: a range (lazily), a List (live, like an ArrayList iterator), a Map's values.
    let exists: (i: number) => boolean;
    let itemAt: (i: number) => Value;
    let modified: () => boolean = () => false;
    let checkFirst = false;
    if (iterableExpr.kind === 'range') {
      const bounds = this.rangeBounds(iterableExpr.from, iterableExpr.to);
      if (bounds === null) return;
      const [from, to] = bounds;
      const step = from <= to ? 1 : -1;
      const size = Math.abs(to - from) + 1;
      exists = (i) => i < size;
      itemAt = (i) => from + i * step;
    } else {
      const iterable = this.evaluate(iterableExpr);
      if (iterable instanceof JavaList) {
        const mod = iterable.modCount;
        exists = (i) => i < iterable.items.length;
        itemAt = (i) => iterable.items[i] ?? null;
        modified = () => iterable.modCount !== mod;
        // ArrayList's iterator: hasNext() is `cursor != size`, next() throws on any change since it was created.
        checkFirst = true;
      } else if (iterable instanceof JavaMap) {
        const values = iterable.values();
        const mod = iterable.modCount;
        exists = (i) => i < values.length;
        itemAt = (i) => values[i] ?? null;
        modified = () => iterable.modCount !== mod;
      } else {
        // null, strings, numbers: nothing to iterate (Velocity logs and renders nothing).
        return;
      }
    }

    const store = this.storeFor(variable);
    const savedVar = store.has(variable) ? store.get(variable) : undefined;
    const savedForeach = this.globals.get('foreach');
    const savedCount = this.globals.get('velocityCount');
    const savedHasNext = this.globals.get('velocityHasNext');
    const outer = this.currentForeach;
    const scope = new ForeachScope(outer);
    this.currentForeach = scope;
    try {
      for (let i = 0; ; i++) {
        if (checkFirst && i > 0 && modified()) this.concurrentModification(pos);
        if (!exists(i)) break;
        if (!checkFirst && i > 0 && modified()) this.concurrentModification(pos);
        if (i >= this.opts.maxForeachIterations) {
          throw this.errorAt(`#foreach exceeded the limit of ${this.opts.maxForeachIterations} iterations`, pos);
        }
        this.tick();
        const item = itemAt(i);
        // Quirk (Velocity 1.x): a null element does not replace the loop variable, which keeps its previous value.
        if (!isNullish(item)) store.set(variable, item);
        scope.index = i;
        scope.hasNext = exists(i + 1);
        this.globals.set('foreach', scope);
        this.globals.set('velocityCount', i + 1);
        this.globals.set('velocityHasNext', scope.hasNext);
        try {
          this.renderNodes(body);
        } catch (e) {
          if (e instanceof BreakSignal && (e.scope === null || e.scope === scope)) break;
          throw e;
        }
      }
    } finally {
      this.currentForeach = outer;
      if (savedVar === undefined) store.delete(variable);
      else store.set(variable, savedVar);
      this.restoreGlobal('foreach', savedForeach);
      this.restoreGlobal('velocityCount', savedCount);
      this.restoreGlobal('velocityHasNext', savedHasNext);
    }
  }

  private concurrentModification(pos: number): never {
    throw this.errorAt('java.util.ConcurrentModificationException: the collection changed during #foreach', pos);
  }

  private restoreGlobal(name: string, saved: Value | undefined): void {
    if (saved === undefined) this.globals.delete(name);
    else this.globals.set(name, saved);
  }

  private renderCall(
    name: string,
    argExprs: readonly Expr[],
    body: readonly Node[] | null,
    literal: string,
    pos: number,
  ): void {
    let def: MacroDefinition | undefined;
    for (let i = this.macroScopes.length - 1; i >= 0 && def === undefined; i--) def = this.macroScopes[i]?.get(name);
    if (def === undefined) {
      // No such macro: Velocity renders the call as written.
      this.write(literal);
      return;
    }
    this.enterCall(`macro '${name}'`, pos);
    try {
      const vars = new Map<string, Value>();
      def.params.forEach((param, i) => {
        const arg = argExprs[i];
        vars.set(param, arg === undefined ? null : this.evaluate(arg));
      });
      if (body !== null) vars.set('bodyContent', this.block(body, `#@${name}`, pos));
      this.frames.push({ vars });
      try {
        this.renderNodes(def.body);
      } finally {
        this.frames.pop();
      }
    } finally {
      this.depth--;
    }
  }

  private renderEvaluate(sourceExpr: Expr, pos: number): void {
    const source = this.evaluate(sourceExpr);
    if (isNullish(source)) return;
    const text = toJavaString(source);
    let compiled = this.evaluated.get(text);
    if (compiled === undefined) {
      this.charge(text.length * 4);
      try {
        compiled = compileTemplate(text);
      } catch (e) {
        if (e instanceof VtlSyntaxError) throw this.errorAt(`#evaluate: ${e.message}`, pos);
        throw e;
      }
      if (this.evaluated.size < 100) this.evaluated.set(text, compiled);
    }
    this.enterCall('#evaluate', pos);
    this.macroScopes.push(compiled.macros);
    try {
      this.renderNodes(compiled.nodes);
    } catch (e) {
      if (e instanceof VtlRuntimeError && e.line !== undefined) throw this.errorAt(`#evaluate: ${e.reason}`, pos);
      throw e;
    } finally {
      this.macroScopes.pop();
      this.depth--;
    }
  }

  // Expressions ------------------------------------------------------------------------------------------------

  private wrap(e: unknown, pos: number): unknown {
    if (e instanceof JavaException) return this.errorAt(e.message, pos);
    if (e instanceof RangeError) return this.errorAt(`java.lang.StackOverflowError: ${e.message}`, pos);
    return e;
  }

  private applyPart(obj: Value, part: Reference['parts'][number]): Value {
    this.tick();
    switch (part.kind) {
      case 'prop':
        return getProperty(obj, part.name, this);
      case 'method': {
        const args = part.args.map((a) => this.evaluate(a));
        return invokeMethod(obj, part.name, args, this);
      }
      case 'index':
        return indexValue(obj, this.evaluate(part.index), this);
    }
  }

  evalRef(ref: Reference): Value {
    let v = this.lookup(ref.name);
    if (ref.parts.length === 0) return v;
    try {
      for (const part of ref.parts) {
        if (v === null) return null;
        v = this.applyPart(v, part);
      }
      return v;
    } catch (e) {
      throw this.wrap(e, ref.pos);
    }
  }

  private rangeBounds(fromExpr: Expr, toExpr: Expr): [number, number] | null {
    const from = intArg(this.evaluate(fromExpr));
    const to = intArg(this.evaluate(toExpr));
    if (from === undefined || to === undefined) return null;
    return [from, to];
  }

  /** The text a null operand contributes to string concatenation: the reference as written. */
  private literalOf(e: Expr): string {
    return e.kind === 'ref' ? e.literal : 'null';
  }

  evaluate(e: Expr): Value {
    this.tick();
    switch (e.kind) {
      case 'const':
        return e.value;
      case 'ref':
        return this.evalRef(e);
      case 'interpolated':
        return this.checkString(this.capture(e.nodes));
      case 'list': {
        this.checkCollectionSize(e.items.length);
        return new JavaList(e.items.map((x) => this.evaluate(x)));
      }
      case 'map': {
        const m = new JavaMap();
        for (const [k, v] of e.entries) m.put(this.evaluate(k), this.evaluate(v));
        return m;
      }
      case 'range': {
        const bounds = this.rangeBounds(e.from, e.to);
        if (bounds === null) return null;
        const [from, to] = bounds;
        const size = Math.abs(to - from) + 1;
        this.checkCollectionSize(size);
        this.charge(size * 8);
        const step = from <= to ? 1 : -1;
        return new JavaList(Array.from({ length: size }, (_, i) => from + i * step));
      }
      case 'not':
        return !truthy(this.evaluate(e.operand));
      case 'binary':
        return this.binary(e);
    }
  }

  private binary(e: Extract<Expr, { kind: 'binary' }>): Value {
    switch (e.op) {
      case '||':
        return truthy(this.evaluate(e.left)) || truthy(this.evaluate(e.right));
      case '&&':
        return truthy(this.evaluate(e.left)) && truthy(this.evaluate(e.right));
    }
    const left = this.evaluate(e.left);
    const right = this.evaluate(e.right);
    try {
      switch (e.op) {
        case '==':
          return velocityEquals(left, right);
        case '!=':
          return !velocityEquals(left, right);
        case '<':
        case '<=':
        case '>':
        case '>=': {
          // Velocity 1.7 compares numbers only; anything else is false.
          if (!isNumber(left) || !isNumber(right)) return false;
          const c = compareNumbers(left, right);
          return e.op === '<' ? c < 0 : e.op === '<=' ? c <= 0 : e.op === '>' ? c > 0 : c >= 0;
        }
        case '+':
          if (typeof left === 'string' || typeof right === 'string') {
            // Quirk: a null operand contributes its reference as written (`"a" + $x` → `a$x`).
            const l = left === null ? this.literalOf(e.left) : toJavaString(left);
            const r = right === null ? this.literalOf(e.right) : toJavaString(right);
            return this.checkString(l + r);
          }
          return isNumber(left) && isNumber(right) ? arithmetic('+', left, right) : null;
        default:
          return isNumber(left) && isNumber(right) ? arithmetic(e.op, left, right) : null;
      }
    } catch (err) {
      throw this.wrap(err, e.pos);
    }
  }
}

/**
 * Renders a compiled template with the given variables. Never throws anything but VtlRuntimeError; `#stop` and a
 * top-level `#break` end the output early.
 */
export function render(template: CompiledTemplate, context: VtlContext, options: RenderOptions = {}): string {
  const r = new Renderer(template, context, options);
  try {
    r.renderNodes(template.nodes);
  } catch (e) {
    if (e instanceof StopSignal || e instanceof BreakSignal) return r.out;
    if (e instanceof VtlRuntimeError) throw e;
    if (e instanceof JavaException) throw new VtlRuntimeError(e.message);
    if (e instanceof RangeError) throw new VtlRuntimeError(`java.lang.StackOverflowError: ${e.message}`);
    throw new VtlRuntimeError(`Internal error while rendering: ${e instanceof Error ? e.message : String(e)}`);
  }
  return r.out;
}
