// Java-like values as AWS's Velocity engine sees them. Strings, booleans and null are JavaScript's own; integers
// (Integer/Long) are JavaScript numbers that are always safe integers; doubles are boxed so that `1.0` prints as
// `1.0`; integers beyond 2^53 are BigInts. Maps are LinkedHashMaps (insertion order, Java `{a=1}` printing);
// lists remember whether they are Java ArrayLists (`[1, 2]`), json-smart JSONArrays from JSON bodies (printed as
// JSON), arrays (`String.split`) or collection views (`keySet()`).
import { JavaException } from './errors';

/** A java.lang.Double (or a BigDecimal parsed from a long JSON number, kept as written in `raw`). */
export class JDouble {
  constructor(
    readonly v: number,
    readonly raw?: string,
  ) {}
}

/** A java.lang.Long / BigInteger outside JavaScript's safe integer range. */
export class JBigInt {
  constructor(readonly v: bigint) {}
}

export type ListKind = 'ArrayList' | 'JSONArray' | 'Array' | 'Set' | 'Collection';

export class JavaList {
  /** Structural modification count, for Java's ConcurrentModificationException in `#foreach`. */
  modCount = 0;
  /** Called on any change (used to notice templates changing a cached JSON document). */
  onChange: (() => void) | null = null;
  /** Records a change: structural ones (size changes) also bump modCount. */
  changed(structural: boolean): void {
    if (structural) this.modCount++;
    this.onChange?.();
  }
  constructor(
    public items: Value[],
    readonly kind: ListKind = 'ArrayList',
    /** For arrays: the JVM type descriptor used by Object.toString (`[Ljava.lang.String;@…`). */
    readonly arrayType = '[Ljava.lang.Object;',
  ) {}
}

let objectIds = new WeakMap<object, number>();
let nextObjectId = 1;
function objectId(o: object): number {
  let id = objectIds.get(o);
  if (id === undefined) {
    id = nextObjectId++;
    if (nextObjectId > 1e9) {
      objectIds = new WeakMap();
      nextObjectId = 1;
    }
    objectIds.set(o, id);
  }
  return id;
}

/** The key under which a Java map stores a value: strings as themselves, other types tagged so `1` ≠ `"1"`. */
function storeKey(k: Value): string {
  if (typeof k === 'string') return k.charCodeAt(0) === 0 ? `\u0000s${k}` : k;
  if (k === null) return '\u0000n';
  if (typeof k === 'number') return `\u0000i${k}`;
  if (typeof k === 'boolean') return k ? '\u0000t' : '\u0000f';
  if (k instanceof JBigInt) return `\u0000i${k.v}`;
  if (k instanceof JDouble) return `\u0000d${k.v}`;
  return `\u0000o${objectId(k)}`;
}

/** A java.util.LinkedHashMap. */
export class JavaMap {
  modCount = 0;
  /** Called on any change (used to notice templates changing a cached JSON document). */
  onChange: (() => void) | null = null;
  private readonly store = new Map<string, [Value, Value]>();

  /** Iterates [key, value] pairs in insertion order without copying (do not modify the pairs). */
  [Symbol.iterator](): IterableIterator<readonly [Value, Value]> {
    return this.store.values();
  }

  get size(): number {
    return this.store.size;
  }
  get(k: Value): Value {
    const e = this.store.get(storeKey(k));
    return e === undefined ? null : e[1];
  }
  /** The value for a key, or undefined when the key is absent (one lookup instead of has + get). */
  lookup(k: Value): Value | undefined {
    const e = this.store.get(storeKey(k));
    return e === undefined ? undefined : e[1];
  }
  has(k: Value): boolean {
    return this.store.has(storeKey(k));
  }
  /** put() for a map being built (JSON parsing): a repeated key keeps its first position and takes the last value. */
  putNew(k: string, v: Value): void {
    this.store.set(storeKey(k), [k, v]);
  }
  /** Returns the previous value (null if none), like Map.put. */
  put(k: Value, v: Value): Value {
    const sk = storeKey(k);
    const e = this.store.get(sk);
    this.onChange?.();
    if (e !== undefined) {
      const old = e[1];
      e[1] = v;
      return old;
    }
    this.store.set(sk, [k, v]);
    this.modCount++;
    return null;
  }
  remove(k: Value): Value {
    const sk = storeKey(k);
    const e = this.store.get(sk);
    if (e === undefined) return null;
    this.store.delete(sk);
    this.modCount++;
    this.onChange?.();
    return e[1];
  }
  clear(): void {
    if (this.store.size > 0) this.modCount++;
    this.store.clear();
    this.onChange?.();
  }
  keys(): Value[] {
    return Array.from(this.store.values(), (e) => e[0]);
  }
  values(): Value[] {
    return Array.from(this.store.values(), (e) => e[1]);
  }
  entries(): Array<[Value, Value]> {
    return Array.from(this.store.values(), (e) => [e[0], e[1]]);
  }
}

/**
 * Objects with their own properties and methods ($input, $util, $foreach, Map.Entry, #define blocks).
 * `getProperty` / `invoke` return undefined when there is no such property or method, which Velocity treats as null.
 */
export abstract class HostObject {
  abstract readonly javaClass: string;
  /** AWS quirk hook: a value that behaves as null when printed, tested or assigned ($context.authorizer.claims). */
  readonly behavesAsNull: boolean = false;
  getProperty(_name: string): Value | undefined {
    return undefined;
  }
  invoke(_name: string, _args: readonly Value[], _rt: MethodRuntime): Value | undefined {
    return undefined;
  }
  /** `#set($obj.name = value)`; false when the object has no such settable property. */
  setProperty(_name: string, _value: Value): boolean {
    return false;
  }
  toJavaString(): string {
    return `${this.javaClass}@${objectId(this).toString(16)}`;
  }
}

export type Value = null | string | boolean | number | JDouble | JBigInt | JavaList | JavaMap | HostObject;

/** What Java methods need from the renderer: work accounting and size limits. */
export interface MethodRuntime {
  /** Throws when a string grows past the configured limit; returns it otherwise. */
  checkString(s: string): string;
  /** refuses a string of this length before it is built */
  checkStringLength(length: number): void;
  /** Throws when a collection grows past the configured limit. */
  checkCollectionSize(size: number): void;
  /** Charge work proportional to data processed (elements compared or copied, characters scanned). */
  charge(units: number): void;
}

export const isNullish = (v: Value): boolean => v === null || (v instanceof HostObject && v.behavesAsNull);

/** Velocity 1.7 `#if($x)`: false for null and Boolean false, true for everything else (even "" and 0). */
export function truthy(v: Value): boolean {
  if (v === null) return false;
  if (typeof v === 'boolean') return v;
  if (v instanceof HostObject && v.behavesAsNull) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------------------------
// Numbers

export type JNumber = number | JDouble | JBigInt;

export const isNumber = (v: Value): v is JNumber =>
  typeof v === 'number' || v instanceof JDouble || v instanceof JBigInt;

export const isIntegral = (v: Value): v is number | JBigInt => typeof v === 'number' || v instanceof JBigInt;

export function toDouble(v: JNumber): number {
  if (typeof v === 'number') return v;
  return v instanceof JDouble ? v.v : Number(v.v);
}

function toBig(v: number | JBigInt): bigint {
  return typeof v === 'number' ? BigInt(v) : v.v;
}

/** A Java integer from a BigInt: a plain number when safe, else boxed. */
export function fromBig(b: bigint): number | JBigInt {
  return b >= BigInt(Number.MIN_SAFE_INTEGER) && b <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(b) : new JBigInt(b);
}

/** An integer literal or JSON integer, as Integer/Long/BigInteger. */
export function parseIntegerText(text: string): number | JBigInt {
  const n = Number(text);
  return Number.isSafeInteger(n) ? n + 0 : fromBig(BigInt(text));
}

/** Java's Double.toString: `1.0`, `0.001`, `1.0E7`, `1.234E-5`, `NaN`, `Infinity`. */
export function formatJavaDouble(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e7) {
    // Both languages print the shortest round-trip digits in plain notation here; Java always shows a fraction.
    return Number.isInteger(v) ? `${v}.0` : String(v);
  }
  if (Number.isNaN(v)) return 'NaN';
  if (v === Number.POSITIVE_INFINITY) return 'Infinity';
  if (v === Number.NEGATIVE_INFINITY) return '-Infinity';
  if (v === 0) return Object.is(v, -0) ? '-0.0' : '0.0';
  const sign = v < 0 ? '-' : '';
  const [mantissa = '0', exponent = '0'] = a.toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const e = Number(exponent);
  if (a >= 1e-3 && a < 1e7) {
    if (e >= 0) {
      const intPart = digits.slice(0, e + 1).padEnd(e + 1, '0');
      const frac = digits.slice(e + 1);
      return `${sign}${intPart}.${frac === '' ? '0' : frac}`;
    }
    return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
  }
  const frac = digits.slice(1);
  return `${sign}${digits[0]}.${frac === '' ? '0' : frac}E${e}`;
}

export function formatNumber(v: JNumber): string {
  if (typeof v === 'number') return String(v);
  if (v instanceof JDouble) return v.raw ?? formatJavaDouble(v.v);
  return v.v.toString();
}

/** Velocity's MathUtils.compare: by value, whatever the boxed types. */
export function compareNumbers(a: JNumber, b: JNumber): number {
  if (a instanceof JDouble || b instanceof JDouble) {
    const x = toDouble(a);
    const y = toDouble(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  const x = toBig(a);
  const y = toBig(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export type MathOp = '+' | '-' | '*' | '/' | '%';

/**
 * Velocity 1.7 arithmetic: integers stay integers (integer division truncates, `%` keeps the dividend's sign) and
 * widen instead of overflowing; any Double makes the result a Double. Division or modulo by zero gives null.
 */
export function arithmetic(op: MathOp, a: JNumber, b: JNumber): Value {
  if (a instanceof JDouble || b instanceof JDouble) {
    const x = toDouble(a);
    const y = toDouble(b);
    if ((op === '/' || op === '%') && y === 0) return null;
    switch (op) {
      case '+':
        return new JDouble(x + y);
      case '-':
        return new JDouble(x - y);
      case '*':
        return new JDouble(x * y);
      case '/':
        return new JDouble(x / y);
      case '%':
        return new JDouble(x % y);
    }
  }
  if (typeof a === 'number' && typeof b === 'number') {
    let r: number;
    switch (op) {
      case '+':
        r = a + b;
        break;
      case '-':
        r = a - b;
        break;
      case '*':
        r = a * b;
        break;
      case '/':
        if (b === 0) return null;
        r = Math.abs(a) < 2 ** 52 ? Math.trunc(a / b) : Number.NaN;
        break;
      case '%':
        if (b === 0) return null;
        r = a % b;
        break;
    }
    if (Number.isSafeInteger(r)) return r + 0;
  }
  const x = toBig(a);
  const y = toBig(b);
  switch (op) {
    case '+':
      return fromBig(x + y);
    case '-':
      return fromBig(x - y);
    case '*':
      return fromBig(x * y);
    case '/':
      return y === 0n ? null : fromBig(x / y);
    case '%':
      return y === 0n ? null : fromBig(x % y);
  }
}

/** An `int` argument of a Java method: an integer in int range (Velocity 1.7 does not convert other types). */
export function intArg(v: Value | undefined): number | undefined {
  return typeof v === 'number' && v >= -2147483648 && v <= 2147483647 ? v : undefined;
}

export function nullPointer(what: string): never {
  throw new JavaException('java.lang.NullPointerException', what);
}
