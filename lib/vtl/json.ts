// JSON in and out, the way AWS's engine sees it. Bodies parse like Jayway JsonPath's default json-smart provider:
// objects become LinkedHashMaps, arrays JSONArrays, integers Integer/Long/BigInteger, decimals Double (BigDecimal
// when longer than 18 characters, kept as written). Output follows json-smart: compact, `"` `\` and control
// characters escaped, plus U+007F–U+009F and U+2000–U+20FF as \uXXXX; `/` is escaped only when printing a
// JSONArray directly (JSONArray.toString uses json-smart's web-safe style).
import { JavaException } from './errors';
import { formatNumber, HostObject, isNumber, JavaList, JavaMap, JDouble, parseIntegerText, type Value } from './values';

/** Nesting limit for JSON documents (the Java parser would overflow its stack somewhere past this). */
export const MAX_JSON_DEPTH = 1000;
/** Longest JSON text built for one value (the renderer's own output limit is lower). */
const MAX_JSON_LENGTH = 32 * 1024 * 1024;

function tooLong(): never {
  throw new JavaException('java.lang.OutOfMemoryError', 'value too large to serialize');
}

function parseError(message: string, pos: number): never {
  throw new JavaException('net.minidev.json.parser.ParseException', `${message} at position ${pos}`);
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;

class JsonReader {
  pos = 0;
  constructor(
    private readonly s: string,
    private readonly onChange: (() => void) | null,
    private readonly onContainer: () => void,
  ) {}

  skipSpace(): void {
    const s = this.s;
    let p = this.pos;
    for (;;) {
      const c = s.charCodeAt(p);
      if (c === 32 || c === 10 || c === 13 || c === 9) p++;
      else break;
    }
    this.pos = p;
  }

  value(depth: number): Value {
    if (depth > MAX_JSON_DEPTH) parseError('JSON nested too deeply', this.pos);
    this.skipSpace();
    const c = this.s.charCodeAt(this.pos);
    if (c === 123) return this.object(depth);
    if (c === 91) return this.array(depth);
    if (c === 34) return this.string();
    if (c === 45 || (c >= 48 && c <= 57)) return this.number();
    if (this.s.startsWith('true', this.pos)) {
      this.pos += 4;
      return true;
    }
    if (this.s.startsWith('false', this.pos)) {
      this.pos += 5;
      return false;
    }
    if (this.s.startsWith('null', this.pos)) {
      this.pos += 4;
      return null;
    }
    return parseError(Number.isNaN(c) ? 'Unexpected end of JSON' : 'Unexpected character', this.pos);
  }

  object(depth: number): JavaMap {
    this.onContainer();
    const map = new JavaMap();
    this.pos++;
    try {
      return this.members(map, depth);
    } finally {
      map.onChange = this.onChange;
    }
  }

  members(map: JavaMap, depth: number): JavaMap {
    this.skipSpace();
    if (this.s.charCodeAt(this.pos) === 125) {
      this.pos++;
      return map;
    }
    for (;;) {
      this.skipSpace();
      if (this.s.charCodeAt(this.pos) !== 34) parseError('Expected a string key', this.pos);
      const key = this.string();
      this.skipSpace();
      if (this.s.charCodeAt(this.pos) !== 58) parseError('Expected ":"', this.pos);
      this.pos++;
      map.putNew(key, this.value(depth + 1));
      this.skipSpace();
      const c = this.s.charCodeAt(this.pos++);
      if (c === 125) return map;
      if (c !== 44) parseError('Expected "," or "}"', this.pos - 1);
    }
  }

  array(depth: number): JavaList {
    this.onContainer();
    const items: Value[] = [];
    this.pos++;
    this.skipSpace();
    if (this.s.charCodeAt(this.pos) === 93) {
      this.pos++;
      return this.list(items);
    }
    for (;;) {
      items.push(this.value(depth + 1));
      this.skipSpace();
      const c = this.s.charCodeAt(this.pos++);
      if (c === 93) return this.list(items);
      if (c !== 44) parseError('Expected "," or "]"', this.pos - 1);
    }
  }

  list(items: Value[]): JavaList {
    const l = new JavaList(items, 'JSONArray');
    l.onChange = this.onChange;
    return l;
  }

  string(): string {
    const s = this.s;
    const start = ++this.pos;
    let p = start;
    // Fast path: no escapes.
    for (;;) {
      const c = s.charCodeAt(p);
      if (c === 34) {
        this.pos = p + 1;
        return s.slice(start, p);
      }
      if (c === 92 || c < 32 || Number.isNaN(c)) break;
      p++;
    }
    let out = s.slice(start, p);
    for (;;) {
      const c = s.charCodeAt(p);
      if (Number.isNaN(c)) parseError('Unterminated string', p);
      if (c === 34) {
        this.pos = p + 1;
        return out;
      }
      if (c < 32) parseError('Control character in string', p);
      if (c !== 92) {
        out += s[p];
        p++;
        continue;
      }
      const e = s[p + 1];
      p += 2;
      switch (e) {
        case '"':
          out += '"';
          break;
        case '\\':
          out += '\\';
          break;
        case '/':
          out += '/';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u': {
          const hex = s.slice(p, p + 4);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) parseError('Bad \\u escape', p);
          out += String.fromCharCode(Number.parseInt(hex, 16));
          p += 4;
          break;
        }
        default:
          parseError('Bad escape', p - 1);
      }
    }
  }

  number(): Value {
    NUMBER.lastIndex = this.pos;
    const r = NUMBER.exec(this.s);
    if (r === null) return parseError('Bad number', this.pos);
    const text = r[0];
    this.pos += text.length;
    if (r[1] === undefined && r[2] === undefined) return parseIntegerText(text);
    return text.length > 18 ? new JDouble(Number(text), text) : new JDouble(Number(text));
  }
}

/**
 * Parses a JSON document (a body, `$util.parseJson`) into Java values; throws a JavaException when invalid.
 * `onChange` is attached to every map and list of the result and called when any of them changes.
 */
export function parseJson(
  text: string,
  onChange: (() => void) | null = null,
  /** called for each object and array made: a budget can stop a document of millions of them while it is read */
  onContainer: () => void = () => {},
): Value {
  const r = new JsonReader(text, onChange, onContainer);
  const v = r.value(0);
  r.skipSpace();
  if (r.pos < text.length) parseError('Unexpected character after JSON value', r.pos);
  return v;
}

function hex4(c: number): string {
  return `\\u${c.toString(16).toUpperCase().padStart(4, '0')}`;
}

// Characters json-smart escapes: `"`, `\`, controls (\p{Cc} is exactly U+0000–U+001F and U+007F–U+009F),
// U+2000–U+20FF, and `/` in its web-safe style.
const NEEDS_ESCAPE = /[\p{Cc}"\\\u2000-\u20ff]/u;
const NEEDS_ESCAPE_WEB = /[\p{Cc}"\\/\u2000-\u20ff]/u;

export function quoteJson(s: string, escapeSlash = false): string {
  if (!(escapeSlash ? NEEDS_ESCAPE_WEB : NEEDS_ESCAPE).test(s)) return `"${s}"`;
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    switch (c) {
      case 34:
        out += '\\"';
        break;
      case 92:
        out += '\\\\';
        break;
      case 8:
        out += '\\b';
        break;
      case 12:
        out += '\\f';
        break;
      case 10:
        out += '\\n';
        break;
      case 13:
        out += '\\r';
        break;
      case 9:
        out += '\\t';
        break;
      case 47:
        out += escapeSlash ? '\\/' : '/';
        break;
      default:
        if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x2000 && c <= 0x20ff)) out += hex4(c);
        else out += s[i];
    }
  }
  return `${out}"`;
}

/** Serializes a value as compact JSON (json-smart style). */
export function toJsonText(v: Value, escapeSlash = false, depth = 0): string {
  if (typeof v === 'string') return quoteJson(v, escapeSlash);
  if (typeof v === 'number') return String(v);
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (isNumber(v)) {
    if (v instanceof JDouble && !Number.isFinite(v.v)) return 'null';
    return formatNumber(v);
  }
  if (depth > MAX_JSON_DEPTH) throw new JavaException('java.lang.StackOverflowError', '');
  if (v instanceof JavaMap) {
    let out = '{';
    let first = true;
    for (const [k, val] of v) {
      if (!first) out += ',';
      first = false;
      out += `${quoteJson(typeof k === 'string' ? k : toJsonKey(k), escapeSlash)}:${toJsonText(val, escapeSlash, depth + 1)}`;
      if (out.length > MAX_JSON_LENGTH) tooLong();
    }
    return `${out}}`;
  }
  if (v instanceof JavaList) {
    let out = '[';
    const items = v.items;
    for (let i = 0; i < items.length; i++) {
      if (i > 0) out += ',';
      out += toJsonText(items[i] ?? null, escapeSlash, depth + 1);
      if (out.length > MAX_JSON_LENGTH) tooLong();
    }
    return `${out}]`;
  }
  return quoteJson(v.toJavaString(), escapeSlash);
}

function toJsonKey(k: Value): string {
  if (k === null) return 'null';
  if (typeof k === 'boolean') return k ? 'true' : 'false';
  if (isNumber(k)) return formatNumber(k);
  if (k instanceof HostObject) return k.toJavaString();
  return toJsonText(k);
}

/** Deep copy of a parsed JSON tree, so templates cannot change what later `$input.path` calls see. */
export function cloneJson(v: Value, onContainer: () => void = () => {}): Value {
  if (v instanceof JavaMap) {
    onContainer();
    const m = new JavaMap();
    for (const [k, val] of v) m.put(k, cloneJson(val, onContainer));
    return m;
  }
  if (v instanceof JavaList) {
    onContainer();
    return new JavaList(
      v.items.map((item) => cloneJson(item, onContainer)),
      v.kind,
      v.arrayType,
    );
  }
  return v;
}
