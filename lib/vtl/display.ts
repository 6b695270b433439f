// How values print (Java's toString, as Velocity renders `$x`) and compare (Velocity 1.7's `==`, Java's equals).
import { JavaException } from './errors';
import { toJsonText } from './json';
import { compareNumbers, formatNumber, HostObject, isNumber, JavaList, JavaMap, JDouble, type Value } from './values';

const MAX_PRINT_DEPTH = 1000;
/** Longest text built while printing one value (the renderer's own output limit is lower). */
const MAX_PRINT_LENGTH = 32 * 1024 * 1024;

function tooLong(): never {
  throw new JavaException('java.lang.OutOfMemoryError', 'value too large to print');
}

function stackOverflow(): never {
  throw new JavaException('java.lang.StackOverflowError', 'structure nested too deeply (or cyclic)');
}

/** A stable stand-in for Java's identity hash in `[Ljava.lang.String;@1b6d3586`. */
function pseudoIdentityHash(items: readonly Value[]): string {
  let h = 0x811c9dc5;
  for (const item of items) {
    const s = typeof item === 'string' ? item : String(item);
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0x2c, 0x01000193);
  }
  return (h >>> 0).toString(16);
}

/**
 * Java's `toString()` of a value: a Map prints `{a=1, b=x}`, an ArrayList `[1, x]`, a JSONArray as JSON
 * (`["x",1]`), an array as `[Ljava.lang.String;@hash`, a Double `1.0`.
 */
export function toJavaString(v: Value, depth = 0): string {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'string':
      return v;
    case 'boolean':
      return v ? 'true' : 'false';
    case 'number':
      return String(v);
  }
  if (isNumber(v)) return formatNumber(v);
  if (v instanceof HostObject) return v.toJavaString();
  if (depth > MAX_PRINT_DEPTH) stackOverflow();
  if (v instanceof JavaMap) {
    let out = '{';
    for (const [k, val] of v) {
      if (out.length > 1) out += ', ';
      out += `${k === v ? '(this Map)' : toJavaString(k, depth + 1)}=${val === v ? '(this Map)' : toJavaString(val, depth + 1)}`;
      if (out.length > MAX_PRINT_LENGTH) tooLong();
    }
    return `${out}}`;
  }
  switch (v.kind) {
    case 'JSONArray':
      return toJsonText(v, true);
    case 'Array':
      return `${v.arrayType}@${pseudoIdentityHash(v.items)}`;
    default: {
      let out = '[';
      for (let i = 0; i < v.items.length; i++) {
        const x = v.items[i] ?? null;
        if (i > 0) out += ', ';
        out += x === v ? '(this Collection)' : toJavaString(x, depth + 1);
        if (out.length > MAX_PRINT_LENGTH) tooLong();
      }
      return `${out}]`;
    }
  }
}

type JavaKind = 'null' | 'string' | 'boolean' | 'number' | 'list' | 'set' | 'collection' | 'array' | 'map' | 'object';

function javaKind(v: Value): JavaKind {
  if (v === null) return 'null';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'boolean';
  if (isNumber(v)) return 'number';
  if (v instanceof JavaMap) return 'map';
  if (v instanceof JavaList) {
    switch (v.kind) {
      case 'ArrayList':
      case 'JSONArray':
        return 'list';
      case 'Set':
        return 'set';
      case 'Collection':
        return 'collection';
      case 'Array':
        return 'array';
    }
  }
  return 'object';
}

/** Java's `a.equals(b)`: Integer 1 does not equal Double 1.0; lists and maps compare element by element. */
export function javaEquals(a: Value, b: Value, depth = 0): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  if (depth > MAX_PRINT_DEPTH) stackOverflow();
  if (isNumber(a) && isNumber(b)) {
    return a instanceof JDouble === b instanceof JDouble && compareNumbers(a, b) === 0;
  }
  const ka = javaKind(a);
  if (ka !== javaKind(b)) return false;
  if (a instanceof JavaList && b instanceof JavaList) {
    if (ka === 'array') return false;
    if (ka === 'set') {
      if (a.items.length !== b.items.length) return false;
      const primitive = (x: Value) => typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean';
      if (a.items.every(primitive) && b.items.every(primitive)) {
        const keys = new Set(b.items.map((x) => `${typeof x}:${String(x)}`));
        return a.items.every((x) => keys.has(`${typeof x}:${String(x)}`));
      }
      // Sets of structures: order-insensitive comparison is quadratic, so large ones compare in order.
      if (a.items.length > 1000) return a.items.every((x, i) => javaEquals(x, b.items[i] ?? null, depth + 1));
      return a.items.every((x) => b.items.some((y) => javaEquals(x, y, depth + 1)));
    }
    if (a.items.length !== b.items.length) return false;
    for (let i = 0; i < a.items.length; i++)
      if (!javaEquals(a.items[i] ?? null, b.items[i] ?? null, depth + 1)) return false;
    return true;
  }
  if (a instanceof JavaMap && b instanceof JavaMap) {
    if (a.size !== b.size) return false;
    for (const [k, v] of a.entries()) {
      if (!b.has(k) || !javaEquals(v, b.get(k), depth + 1)) return false;
    }
    return true;
  }
  return false;
}

/**
 * Velocity 1.7's `==`: numbers compare by value (1 == 1.0); objects of the same class use equals(); objects of
 * different classes compare their toString() (quirk: `1 == "1"` and `true == "true"` are true); null equals only
 * null.
 */
export function velocityEquals(a: Value, b: Value): boolean {
  if (a === null || b === null) return a === b;
  if (isNumber(a) && isNumber(b)) return compareNumbers(a, b) === 0;
  const ka = javaKind(a);
  const kb = javaKind(b);
  if (ka === kb && ka !== 'object') return javaEquals(a, b);
  if (a instanceof HostObject && b instanceof HostObject && a.javaClass === b.javaClass) return a === b;
  return toJavaString(a) === toJavaString(b);
}

export function indexOfValue(items: readonly Value[], target: Value): number {
  for (let i = 0; i < items.length; i++) if (javaEquals(items[i] ?? null, target)) return i;
  return -1;
}
