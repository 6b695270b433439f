// Methods and properties of values, resolved the way Velocity 1.7's introspector does against the Java classes AWS
// hands to templates: java.lang.String, Integer/Long/Double, Boolean, java.util.LinkedHashMap, ArrayList (and
// json-smart's JSONArray), arrays, and the keySet()/values()/entrySet() views.
// A method that does not exist, or whose argument types do not fit (Velocity 1.7 converts nothing: `$s.substring("1")`
// has no match), yields null, so the reference renders as written. A method that throws (index out of bounds,
// NumberFormatException, null argument) is an error: AWS answers 500.
import { indexOfValue, javaEquals, toJavaString } from './display';
import { JavaException } from './errors';
import { javaMatches, javaReplace, javaSplit } from './java-regex';
import {
  compareNumbers,
  fromBig,
  HostObject,
  intArg,
  isNumber,
  JavaList,
  JavaMap,
  JBigInt,
  JDouble,
  type JNumber,
  type MethodRuntime,
  nullPointer,
  toDouble,
  type Value,
} from './values';

/** Java's `void` return: Velocity renders it as an empty string. */
const VOID = '';

function stringIndexError(index: number): never {
  throw new JavaException('java.lang.StringIndexOutOfBoundsException', `String index out of range: ${index}`);
}

function listIndexError(index: number, size: number): never {
  throw new JavaException('java.lang.IndexOutOfBoundsException', `Index: ${index}, Size: ${size}`);
}

function unsupported(): never {
  throw new JavaException('java.lang.UnsupportedOperationException', '');
}

function numberFormat(s: string | null): never {
  throw new JavaException('java.lang.NumberFormatException', s === null ? 'null' : `For input string: "${s}"`);
}

/** Java's String.trim: strips characters <= U+0020 (not Unicode whitespace). */
function javaTrim(s: string): string {
  let b = 0;
  let e = s.length;
  while (b < e && s.charCodeAt(b) <= 32) b++;
  while (e > b && s.charCodeAt(e - 1) <= 32) e--;
  return b === 0 && e === s.length ? s : s.slice(b, e);
}

function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

function javaCompare(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = a.charCodeAt(i) - b.charCodeAt(i);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

function foldCase(s: string): string {
  return s.toUpperCase().toLowerCase();
}

function occurrences(s: string, part: string): number {
  let count = 0;
  for (let at = s.indexOf(part); at !== -1; at = s.indexOf(part, at + part.length)) count++;
  return count;
}

/** Integer.parseInt / Long.parseLong. */
export function parseJavaInteger(s: Value, bits: 32 | 64, radix = 10): number | JBigInt {
  if (s === null) return numberFormat(null);
  if (typeof s !== 'string') return numberFormat(toJavaString(s));
  const digits = radix === 10 ? '0-9' : `0-9a-${String.fromCharCode(86 + radix)}`;
  if (radix < 2 || radix > 36 || !new RegExp(`^[+-]?[${digits}]+$`, 'i').test(s)) return numberFormat(s);
  const negative = s.startsWith('-');
  const body = s
    .replace(/^[+-]0*/, '')
    .replace(/^0+(?=.)/, '')
    .toLowerCase();
  // Past 64 significant binary digits no int or long fits: refused before any arithmetic (linear time, as Java's)
  if (body.length > Math.ceil(64 / Math.log2(radix))) return numberFormat(s);
  let v = 0n;
  const r = BigInt(radix);
  for (const ch of body) v = v * r + BigInt(Number.parseInt(ch, 36));
  if (negative) v = -v;
  const max = bits === 32 ? 2147483647n : 9223372036854775807n;
  if (v > max || v < -max - 1n) return numberFormat(s);
  return fromBig(v);
}

/** Double.parseDouble: surrounding characters <= U+0020 ignored, optional f/d suffix, NaN and Infinity. */
export function parseJavaDouble(s: Value): JDouble {
  if (s === null) return nullPointer('parseDouble(null)');
  if (typeof s !== 'string') return numberFormat(toJavaString(s));
  const t = javaTrim(s);
  // one way to match each input (an ambiguous `\d+\.?\d*` backtracks quadratically on long digit strings)
  if (!/^[+-]?(?:NaN|Infinity|(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?[fFdD]?)$/.test(t)) return numberFormat(s);
  const clean = t.replace(/[fFdD]$/, '');
  const v = clean.endsWith('NaN') ? Number.NaN : Number(clean);
  return new JDouble(v);
}

function bytesOf(s: string): Value[] {
  return Array.from(Buffer.from(s, 'utf8'), (b) => (b > 127 ? b - 256 : b));
}

function stringMethod(s: string, name: string, a: readonly Value[], rt: MethodRuntime): Value | undefined {
  const n = a.length;
  const a0 = a[0] ?? null;
  const a1 = a[1] ?? null;
  switch (name) {
    case 'length':
      return n === 0 ? s.length : undefined;
    case 'isEmpty':
      return n === 0 ? s.length === 0 : undefined;
    case 'toString':
    case 'intern':
      return n === 0 ? s : undefined;
    case 'toLowerCase':
      return n === 0 ? s.toLowerCase() : undefined;
    case 'toUpperCase':
      return n === 0 ? s.toUpperCase() : undefined;
    case 'trim':
      return n === 0 ? javaTrim(s) : undefined;
    case 'hashCode':
      return n === 0 ? javaStringHash(s) : undefined;
    case 'charAt':
    case 'codePointAt': {
      const i = intArg(a0);
      if (n !== 1 || i === undefined) return undefined;
      if (i < 0 || i >= s.length) stringIndexError(i);
      return name === 'charAt' ? (s[i] ?? '') : (s.codePointAt(i) ?? 0);
    }
    case 'substring': {
      const b = intArg(a0);
      if (b === undefined || n < 1 || n > 2) return undefined;
      const e = n === 2 ? intArg(a1) : s.length;
      if (e === undefined) return undefined;
      if (b < 0) stringIndexError(b);
      if (e > s.length) stringIndexError(e);
      if (b > e) stringIndexError(e - b);
      return s.slice(b, e);
    }
    case 'indexOf':
    case 'lastIndexOf': {
      if (n < 1 || n > 2) return undefined;
      const from = n === 2 ? intArg(a1) : undefined;
      if (n === 2 && from === undefined) return undefined;
      let needle: string;
      if (typeof a0 === 'string') needle = a0;
      else if (a0 === null) return nullPointer(name);
      else if (typeof a0 === 'number' && intArg(a0) !== undefined && a0 >= 0 && a0 <= 0x10ffff) {
        needle = String.fromCodePoint(a0);
      } else return undefined;
      if (name === 'indexOf') return from === undefined ? s.indexOf(needle) : s.indexOf(needle, Math.max(0, from));
      if (from !== undefined && from < 0) return -1;
      return from === undefined ? s.lastIndexOf(needle) : s.lastIndexOf(needle, from);
    }
    case 'contains':
      if (n !== 1) return undefined;
      if (a0 === null) return nullPointer('contains(null)');
      return typeof a0 === 'string' ? s.includes(a0) : undefined;
    case 'startsWith': {
      if (n < 1 || n > 2) return undefined;
      if (a0 === null) return nullPointer('startsWith(null)');
      if (typeof a0 !== 'string') return undefined;
      const off = n === 2 ? intArg(a1) : 0;
      if (off === undefined) return undefined;
      return off >= 0 && s.startsWith(a0, off);
    }
    case 'endsWith':
      if (n !== 1) return undefined;
      if (a0 === null) return nullPointer('endsWith(null)');
      return typeof a0 === 'string' ? s.endsWith(a0) : undefined;
    case 'equals':
      return n === 1 ? typeof a0 === 'string' && a0 === s : undefined;
    case 'equalsIgnoreCase':
      if (n !== 1) return undefined;
      if (a0 === null) return false;
      return typeof a0 === 'string' ? a0.length === s.length && foldCase(a0) === foldCase(s) : undefined;
    case 'contentEquals':
      if (n !== 1) return undefined;
      if (a0 === null) return nullPointer('contentEquals(null)');
      return typeof a0 === 'string' ? a0 === s : undefined;
    case 'compareTo':
    case 'compareToIgnoreCase':
      if (n !== 1) return undefined;
      if (a0 === null) return nullPointer(name);
      if (typeof a0 !== 'string') return undefined;
      return name === 'compareTo' ? javaCompare(s, a0) : javaCompare(foldCase(s), foldCase(a0));
    case 'concat':
      if (n !== 1) return undefined;
      if (a0 === null) return nullPointer('concat(null)');
      return typeof a0 === 'string' ? rt.checkString(s + a0) : undefined;
    case 'replace': {
      if (n !== 2) return undefined;
      if (a0 === null || a1 === null) return nullPointer('replace(null)');
      if (typeof a0 !== 'string' || typeof a1 !== 'string') return undefined;
      rt.charge(s.length);
      // the result's length is known before it is built
      if (a0 !== '' && a1.length > a0.length)
        rt.checkStringLength(s.length + occurrences(s, a0) * (a1.length - a0.length));
      return rt.checkString(s.replaceAll(a0, () => a1));
    }
    case 'replaceAll':
    case 'replaceFirst':
      if (n !== 2) return undefined;
      if (a0 === null || a1 === null) return nullPointer(`${name}(null)`);
      if (typeof a0 !== 'string' || typeof a1 !== 'string') return undefined;
      rt.charge(s.length);
      return rt.checkString(javaReplace(s, a0, a1, name === 'replaceAll', (length) => rt.checkStringLength(length)));
    case 'matches':
      if (n !== 1) return undefined;
      if (a0 === null) return nullPointer('matches(null)');
      if (typeof a0 !== 'string') return undefined;
      rt.charge(s.length);
      return javaMatches(s, a0);
    case 'split': {
      if (n < 1 || n > 2) return undefined;
      if (a0 === null) return nullPointer('split(null)');
      const limit = n === 2 ? intArg(a1) : 0;
      if (typeof a0 !== 'string' || limit === undefined) return undefined;
      rt.charge(s.length);
      // an empty pattern splits into one part per character: refused before the parts are made
      rt.checkCollectionSize(a0 === '' ? s.length : 0);
      const parts = javaSplit(s, a0, limit);
      rt.checkCollectionSize(parts.length);
      return new JavaList(parts, 'Array', '[Ljava.lang.String;');
    }
    case 'toCharArray':
      if (n !== 0) return undefined;
      rt.checkCollectionSize(s.length);
      return new JavaList(Array.from(s.split('')), 'Array', '[C');
    case 'getBytes':
      if (n !== 0) return undefined;
      rt.checkCollectionSize(s.length * 3);
      return new JavaList(bytesOf(s), 'Array', '[B');
    case 'valueOf':
      // String.valueOf(Object), a static method reachable through any string.
      return n === 1 ? toJavaString(a0) : undefined;
    default:
      return undefined;
  }
}

/** Java's narrowing of a double to int/long: truncation, NaN → 0, clamped to the range. */
function doubleToIntegral(d: number, bits: 32 | 64): number | JBigInt {
  if (Number.isNaN(d)) return 0;
  const t = Math.trunc(d);
  if (bits === 32) return Math.max(-2147483648, Math.min(2147483647, t)) + 0;
  if (t >= 2 ** 63) return new JBigInt(9223372036854775807n);
  if (t <= -(2 ** 63)) return new JBigInt(-9223372036854775808n);
  return fromBig(BigInt(t));
}

function numberMethod(v: JNumber, name: string, a: readonly Value[]): Value | undefined {
  const n = a.length;
  const a0 = a[0] ?? null;
  const isDouble = v instanceof JDouble;
  switch (name) {
    case 'intValue':
      if (n !== 0) return undefined;
      if (isDouble) return doubleToIntegral(v.v, 32);
      return fromBig(BigInt.asIntN(32, typeof v === 'number' ? BigInt(v) : v.v));
    case 'longValue':
      if (n !== 0) return undefined;
      if (isDouble) return doubleToIntegral(v.v, 64);
      return v;
    case 'doubleValue':
      return n === 0 ? new JDouble(toDouble(v)) : undefined;
    case 'floatValue':
      return n === 0 ? new JDouble(Math.fround(toDouble(v))) : undefined;
    case 'isNaN':
      return n === 0 && isDouble ? Number.isNaN(v.v) : undefined;
    case 'isInfinite':
      return n === 0 && isDouble ? !Number.isFinite(v.v) && !Number.isNaN(v.v) : undefined;
    case 'compareTo':
      if (n !== 1 || !isNumber(a0) || a0 instanceof JDouble !== isDouble) return undefined;
      return compareNumbers(v, a0);
    // Static methods of Integer / Long / Double, reachable through an instance (`$zero.parseInt($s)`).
    case 'parseInt':
    case 'parseLong':
    case 'valueOf':
      if (isDouble) {
        return name === 'valueOf' && n === 1 && (typeof a0 === 'string' || a0 === null)
          ? parseJavaDouble(a0)
          : undefined;
      }
      if (n === 1 && (typeof a0 === 'string' || a0 === null))
        return parseJavaInteger(a0, name === 'parseLong' ? 64 : 32);
      if (n === 2 && name !== 'valueOf' && (typeof a0 === 'string' || a0 === null) && intArg(a[1]) !== undefined) {
        return parseJavaInteger(a0, name === 'parseLong' ? 64 : 32, intArg(a[1]));
      }
      return undefined;
    case 'parseDouble':
      return n === 1 && (typeof a0 === 'string' || a0 === null) ? parseJavaDouble(a0) : undefined;
    default:
      return undefined;
  }
}

function booleanMethod(b: boolean, name: string, a: readonly Value[]): Value | undefined {
  const a0 = a[0] ?? null;
  switch (name) {
    case 'booleanValue':
      return a.length === 0 ? b : undefined;
    case 'parseBoolean':
    case 'valueOf':
      if (a.length !== 1) return undefined;
      if (typeof a0 === 'boolean' && name === 'valueOf') return a0;
      return typeof a0 === 'string' ? a0.toLowerCase() === 'true' : a0 === null ? false : undefined;
    case 'compareTo':
      return a.length === 1 && typeof a0 === 'boolean' ? (b === a0 ? 0 : b ? 1 : -1) : undefined;
    default:
      return undefined;
  }
}

function checkIndex(i: number, size: number): void {
  if (i < 0 || i >= size) listIndexError(i, size);
}

function collectionItems(v: Value): readonly Value[] | undefined {
  if (v instanceof JavaList) return v.items;
  return undefined;
}

// Methods that scan or copy the whole collection are charged for it, so loops over huge collections stay bounded:
// one operation per element (charge() counts units of data, eight to an operation).
const ELEMENT_COST = 8;
const LINEAR_LIST_METHODS = new Set([
  'contains',
  'containsAll',
  'indexOf',
  'lastIndexOf',
  'addAll',
  'remove',
  'subList',
]);
const LINEAR_MAP_METHODS = new Set(['containsValue', 'putAll', 'keySet', 'values', 'entrySet']);

function listMethod(l: JavaList, name: string, a: readonly Value[], rt: MethodRuntime): Value | undefined {
  const items = l.items;
  const n = a.length;
  if (LINEAR_LIST_METHODS.has(name)) rt.charge(items.length * ELEMENT_COST);
  const a0 = a[0] ?? null;
  const a1 = a[1] ?? null;
  const isView = l.kind === 'Set' || l.kind === 'Collection';
  const isList = !isView;
  const resizable = l.kind === 'ArrayList' || l.kind === 'JSONArray';
  switch (name) {
    case 'size':
      return n === 0 ? items.length : undefined;
    case 'isEmpty':
      return n === 0 ? items.length === 0 : undefined;
    case 'contains':
      return n === 1 ? indexOfValue(items, a0) >= 0 : undefined;
    case 'containsAll': {
      if (n !== 1) return undefined;
      if (a0 === null) return nullPointer('containsAll(null)');
      const other = collectionItems(a0);
      if (other === undefined) return undefined;
      rt.charge(items.length * other.length * ELEMENT_COST); // each of the other's items against each of these
      return other.every((x) => indexOfValue(items, x) >= 0);
    }
    case 'get': {
      const i = intArg(a0);
      if (!isList || n !== 1 || i === undefined) return undefined;
      checkIndex(i, items.length);
      return items[i] ?? null;
    }
    case 'indexOf':
      return isList && n === 1 ? indexOfValue(items, a0) : undefined;
    case 'lastIndexOf': {
      if (!isList || n !== 1) return undefined;
      for (let i = items.length - 1; i >= 0; i--) if (javaEquals(items[i] ?? null, a0)) return i;
      return -1;
    }
    case 'set': {
      const i = intArg(a0);
      if (!isList || n !== 2 || i === undefined) return undefined;
      checkIndex(i, items.length);
      const old = items[i] ?? null;
      items[i] = a1;
      l.changed(false);
      return old;
    }
    case 'add': {
      if (n === 1) {
        if (!resizable) unsupported();
        rt.checkCollectionSize(items.length + 1);
        items.push(a0);
        l.changed(true);
        return true;
      }
      const i = intArg(a0);
      if (n !== 2 || !isList || i === undefined) return undefined;
      if (!resizable) unsupported();
      if (i < 0 || i > items.length) listIndexError(i, items.length);
      rt.checkCollectionSize(items.length + 1);
      rt.charge((items.length - i) * ELEMENT_COST);
      items.splice(i, 0, a1);
      l.changed(true);
      return VOID;
    }
    case 'addAll': {
      const at = n === 2 ? intArg(a0) : items.length;
      const src = n === 2 ? a1 : a0;
      if (n < 1 || n > 2 || at === undefined || (n === 2 && !isList)) return undefined;
      if (src === null) return nullPointer('addAll(null)');
      const other = collectionItems(src);
      if (other === undefined) return undefined;
      rt.charge(other.length * ELEMENT_COST);
      if (!resizable) unsupported();
      if (at < 0 || at > items.length) listIndexError(at, items.length);
      rt.checkCollectionSize(items.length + other.length);
      // No argument spread: a large collection would overflow the call stack.
      l.items = at === items.length ? items.concat(other) : items.slice(0, at).concat(other, items.slice(at));
      l.changed(true);
      return other.length > 0;
    }
    case 'remove': {
      if (n !== 1) return undefined;
      const i = intArg(a0);
      if (!resizable) unsupported();
      if (i !== undefined) {
        checkIndex(i, items.length);
        l.changed(true);
        return items.splice(i, 1)[0] ?? null;
      }
      const at = indexOfValue(items, a0);
      if (at < 0) return false;
      items.splice(at, 1);
      l.changed(true);
      return true;
    }
    case 'clear':
      if (n !== 0) return undefined;
      if (!resizable) unsupported();
      items.length = 0;
      l.changed(true);
      return VOID;
    case 'subList': {
      const from = intArg(a0);
      const to = intArg(a1);
      if (!isList || n !== 2 || from === undefined || to === undefined) return undefined;
      if (from < 0) listIndexError(from, items.length);
      if (to > items.length) listIndexError(to, items.length);
      if (from > to)
        throw new JavaException('java.lang.IllegalArgumentException', `fromIndex(${from}) > toIndex(${to})`);
      return new JavaList(items.slice(from, to), 'ArrayList');
    }
    default:
      return undefined;
  }
}

/** A Map.Entry from `entrySet()`: `$e.key`, `$e.value`, prints `key=value`. */
export class MapEntry extends HostObject {
  readonly javaClass = 'java.util.LinkedHashMap$Entry';
  constructor(
    private readonly map: JavaMap,
    readonly key: Value,
    private value: Value,
  ) {
    super();
  }
  override getProperty(name: string): Value | undefined {
    if (name === 'key') return this.key;
    if (name === 'value') return this.value;
    return undefined;
  }
  override invoke(name: string, args: readonly Value[]): Value | undefined {
    if (args.length === 0 && name === 'getKey') return this.key;
    if (args.length === 0 && name === 'getValue') return this.value;
    if (args.length === 1 && name === 'setValue') {
      const old = this.value;
      this.value = args[0] ?? null;
      this.map.put(this.key, this.value);
      return old;
    }
    return undefined;
  }
  override toJavaString(): string {
    return `${toJavaString(this.key)}=${toJavaString(this.value)}`;
  }
}

function mapMethod(m: JavaMap, name: string, a: readonly Value[], rt: MethodRuntime): Value | undefined {
  const n = a.length;
  if (LINEAR_MAP_METHODS.has(name)) rt.charge((m.size + (a[0] instanceof JavaMap ? a[0].size : 0)) * ELEMENT_COST);
  const a0 = a[0] ?? null;
  const a1 = a[1] ?? null;
  switch (name) {
    case 'get':
      return n === 1 ? m.get(a0) : undefined;
    case 'getOrDefault':
      return n === 2 ? (m.has(a0) ? m.get(a0) : a1) : undefined;
    case 'containsKey':
      return n === 1 ? m.has(a0) : undefined;
    case 'containsValue':
      return n === 1 ? indexOfValue(m.values(), a0) >= 0 : undefined;
    case 'put':
      if (n !== 2) return undefined;
      if (!m.has(a0)) rt.checkCollectionSize(m.size + 1);
      return m.put(a0, a1);
    case 'putIfAbsent': {
      if (n !== 2) return undefined;
      const old = m.get(a0);
      if (old === null) {
        if (!m.has(a0)) rt.checkCollectionSize(m.size + 1);
        m.put(a0, a1);
      }
      return old;
    }
    case 'putAll':
      if (n !== 1) return undefined;
      if (a0 === null) return nullPointer('putAll(null)');
      if (!(a0 instanceof JavaMap)) return undefined;
      rt.checkCollectionSize(m.size + a0.size);
      for (const [k, v] of a0.entries()) m.put(k, v);
      return VOID;
    case 'remove':
      return n === 1 ? m.remove(a0) : undefined;
    case 'clear':
      if (n !== 0) return undefined;
      m.clear();
      return VOID;
    case 'size':
      return n === 0 ? m.size : undefined;
    case 'isEmpty':
      return n === 0 ? m.size === 0 : undefined;
    case 'keySet':
      return n === 0 ? new JavaList(m.keys(), 'Set') : undefined;
    case 'values':
      return n === 0 ? new JavaList(m.values(), 'Collection') : undefined;
    case 'entrySet':
      return n === 0
        ? new JavaList(
            m.entries().map(([k, v]) => new MapEntry(m, k, v)),
            'Set',
          )
        : undefined;
    default:
      return undefined;
  }
}

function invokeRaw(target: Value, name: string, args: readonly Value[], rt: MethodRuntime): Value | undefined {
  if (target === null) return undefined;
  let r: Value | undefined;
  if (typeof target === 'string') r = stringMethod(target, name, args, rt);
  else if (typeof target === 'boolean') r = booleanMethod(target, name, args);
  else if (isNumber(target)) r = numberMethod(target, name, args);
  else if (target instanceof JavaMap) r = mapMethod(target, name, args, rt);
  else if (target instanceof JavaList) r = listMethod(target, name, args, rt);
  else r = target.invoke(name, args, rt);
  if (r !== undefined) return r;
  // java.lang.Object's methods.
  if (name === 'toString' && args.length === 0) return rt.checkString(toJavaString(target));
  if (name === 'equals' && args.length === 1) return javaEquals(target, args[0] ?? null);
  return undefined;
}

/** `$target.name(args)`; null when there is no such method (or it returned null), `""` for void methods. */
export function invokeMethod(target: Value, name: string, args: readonly Value[], rt: MethodRuntime): Value {
  return invokeRaw(target, name, args, rt) ?? null;
}

/** `$target.name`: Map.get("name") for maps, else the getter `getName()` or `isName()`. */
export function getProperty(target: Value, name: string, rt: MethodRuntime): Value {
  if (target === null) return null;
  if (target instanceof JavaMap) return target.get(name);
  if (target instanceof HostObject) {
    const p = target.getProperty(name);
    if (p !== undefined) return p;
  }
  const cap = (name[0] ?? '').toUpperCase() + name.slice(1);
  const getter = invokeRaw(target, `get${cap}`, [], rt);
  if (getter !== undefined) return getter;
  return invokeRaw(target, `is${cap}`, [], rt) ?? null;
}

/** `$target[index]`: List.get (negative indexes count from the end, as in Velocity 1.7) or Map.get. */
export function indexValue(target: Value, index: Value, rt: MethodRuntime): Value {
  if (target instanceof JavaList) {
    if (target.kind === 'Set' || target.kind === 'Collection') return null;
    let i = intArg(index);
    if (i === undefined) return null;
    if (i < 0) i += target.items.length;
    checkIndex(i, target.items.length);
    return target.items[i] ?? null;
  }
  if (target instanceof JavaMap) return target.get(index);
  if (target === null) return null;
  return invokeMethod(target, 'get', [index], rt);
}

/** `#set($target.name = value)` / `#set($target[index] = value)`; false when nothing could be set. */
export function setMember(target: Value, key: Value, value: Value, byIndex: boolean, rt: MethodRuntime): boolean {
  if (target instanceof JavaMap) {
    if (!target.has(key)) rt.checkCollectionSize(target.size + 1);
    target.put(key, value);
    return true;
  }
  if (byIndex && target instanceof JavaList && target.kind !== 'Set' && target.kind !== 'Collection') {
    let i = intArg(key);
    if (i === undefined) return false;
    if (i < 0) i += target.items.length;
    checkIndex(i, target.items.length);
    target.items[i] = value;
    target.changed(false);
    return true;
  }
  if (!byIndex && target instanceof HostObject && typeof key === 'string') return target.setProperty(key, value);
  return false;
}
