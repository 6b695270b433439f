// java.util.regex semantics for String.replaceAll / replaceFirst / matches / split, on top of JavaScript RegExp.
// Translates what differs in syntax (\Q…\E, possessive quantifiers, atomic groups, leading inline flags, \A \Z \z,
// POSIX \p{…} classes, \h, \R) and implements Java's replacement strings ($1, ${name}, \$) and split rules
// (trailing empty strings removed, no leading empty string for a zero-width match at 0).
// Limitation: backtracking is not bounded; a catastrophic pattern in a template can be slow on a long input.
import v8 from 'node:v8';
import { JavaException } from './errors';

// A pattern whose backtracking runs away (client data meeting `(a+)+b`) falls back to V8's linear-time engine
// instead of holding the process — for patterns without back-references, lookarounds, and the `i` and `u` flags
// (which that engine lacks); those stay bounded only by the template's author.
v8.setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');

const POSIX: Record<string, string> = {
  Lower: 'a-z',
  Upper: 'A-Z',
  ASCII: '\\x00-\\x7F',
  Alpha: 'a-zA-Z',
  Digit: '0-9',
  Alnum: 'a-zA-Z0-9',
  Punct: '!-\\/:-@\\[-`{-~',
  Graph: '!-~',
  Print: ' -~',
  Blank: ' \\t',
  Cntrl: '\\x00-\\x1F\\x7F',
  XDigit: '0-9a-fA-F',
  Space: ' \\t\\n\\x0B\\f\\r',
  javaLowerCase: 'a-z',
  javaUpperCase: 'A-Z',
  javaWhitespace: ' \\t\\n\\x0B\\f\\r\\x1C-\\x1F',
};

const H_SPACE = ' \\t\\xA0\\u1680\\u180e\\u2000-\\u200a\\u202f\\u205f\\u3000';

function syntaxError(message: string, pattern: string): never {
  throw new JavaException('java.util.regex.PatternSyntaxException', `${message} near index 0\n${pattern}`);
}

interface Translated {
  source: string;
  flags: string;
}

function translate(pattern: string): Translated {
  let flags = '';
  let i = 0;
  // Leading inline flags: (?i) (?s) (?m) (?u) (?x is not supported by JavaScript).
  const lead = /^\(\?([imsux]+)\)/.exec(pattern);
  if (lead?.[1] !== undefined) {
    for (const f of lead[1]) {
      if (f === 'i' && !flags.includes('i')) flags += 'i';
      else if (f === 's' && !flags.includes('s')) flags += 's';
      else if (f === 'm' && !flags.includes('m')) flags += 'm';
      else if (f === 'x') syntaxError('Comments mode (?x) is not supported', pattern);
    }
    i = lead[0].length;
  }
  let out = '';
  let inClass = false;
  let needUnicode = false;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === '\\') {
      const n = pattern[i + 1];
      if (n === undefined) syntaxError('Unexpected internal error', pattern);
      if (n === 'Q') {
        const end = pattern.indexOf('\\E', i + 2);
        const quoted = end < 0 ? pattern.slice(i + 2) : pattern.slice(i + 2, end);
        out += quoted.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
        i = end < 0 ? pattern.length : end + 2;
        continue;
      }
      if ((n === 'p' || n === 'P') && pattern[i + 2] === '{') {
        const close = pattern.indexOf('}', i + 3);
        if (close < 0) syntaxError('Unclosed character family', pattern);
        const name = pattern.slice(i + 3, close).replace(/^Is/, '');
        const posix = POSIX[name];
        if (posix !== undefined) {
          const negate = n === 'P';
          out += inClass ? (negate ? '' : posix) : `[${negate ? '^' : ''}${posix}]`;
        } else {
          needUnicode = true;
          out += `\\${n}{${name}}`;
        }
        i = close + 1;
        continue;
      }
      if (!inClass && n === 'A') {
        out += '(?<![\\s\\S])';
        i += 2;
        continue;
      }
      if (!inClass && n === 'z') {
        out += '(?![\\s\\S])';
        i += 2;
        continue;
      }
      if (!inClass && n === 'Z') {
        out += '(?=(?:\\r\\n|[\\n\\r\\u0085\\u2028\\u2029])?(?![\\s\\S]))';
        i += 2;
        continue;
      }
      if (n === 'h') {
        out += inClass ? H_SPACE : `[${H_SPACE}]`;
        i += 2;
        continue;
      }
      if (!inClass && n === 'R') {
        out += '(?:\\r\\n|[\\n\\x0B\\f\\r\\u0085\\u2028\\u2029])';
        i += 2;
        continue;
      }
      out += c + n;
      i += 2;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      if (c === '&' && pattern[i + 1] === '&') syntaxError('Character class intersection is not supported', pattern);
      out += c;
      i++;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      i++;
      if (pattern[i] === '^') {
        out += '^';
        i++;
      }
      if (pattern[i] === ']') {
        out += '\\]';
        i++;
      }
      continue;
    }
    // Atomic groups and possessive quantifiers have no JavaScript equivalent. A greedy stand-in would answer
    // differently and, worse, backtrack where Java's author relied on it not to: refused instead (Portico's limit).
    if (c === '(' && pattern.startsWith('(?>', i))
      syntaxError('Atomic groups (?>…) are not supported by Portico', pattern);
    if ((c === '*' || c === '+' || c === '?' || c === '}') && pattern[i + 1] === '+') {
      syntaxError('Possessive quantifiers are not supported by Portico', pattern);
    }
    out += c;
    i++;
  }
  if (needUnicode) flags += 'u';
  return { source: out, flags };
}

interface CompiledRegex {
  global: RegExp;
  /** Anchored at the start and end, for String.matches. */
  whole: RegExp;
  groupCount: number;
  groupNames: ReadonlySet<string>;
}

const cache = new Map<string, CompiledRegex>();
const CACHE_LIMIT = 500;

export function compileJavaRegex(pattern: string): CompiledRegex {
  const hit = cache.get(pattern);
  if (hit !== undefined) return hit;
  const { source, flags } = translate(pattern);
  let global: RegExp;
  let whole: RegExp;
  try {
    global = new RegExp(source, `g${flags}`);
    // the end of input: `$` unless multiline (a lookahead would keep V8 from its linear-time fallback)
    whole = new RegExp(flags.includes('m') ? `(?:${source})(?![\\s\\S])` : `(?:${source})$`, `y${flags}`);
  } catch (e) {
    syntaxError(e instanceof Error ? e.message : 'Invalid pattern', pattern);
  }
  const probe = new RegExp(`${source}|`, flags).exec('');
  const groupCount = probe === null ? 0 : probe.length - 1;
  const groupNames = new Set(Object.keys(probe?.groups ?? {}));
  const compiled = { global, whole, groupCount, groupNames };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(pattern, compiled);
  return compiled;
}

type ReplacementPart = string | number | { name: string };

/** Parses a java.util.regex.Matcher replacement string (`$1`, `${name}`, `\$` for a literal dollar). */
function parseReplacement(replacement: string, re: CompiledRegex): ReplacementPart[] {
  const parts: ReplacementPart[] = [];
  let lit = '';
  let i = 0;
  while (i < replacement.length) {
    const c = replacement[i] ?? '';
    if (c === '\\') {
      i++;
      if (i >= replacement.length) {
        throw new JavaException('java.lang.IllegalArgumentException', 'character to be escaped is missing');
      }
      lit += replacement[i];
      i++;
    } else if (c === '$') {
      i++;
      if (i >= replacement.length) {
        throw new JavaException(
          'java.lang.IllegalArgumentException',
          'Illegal group reference: group index is missing',
        );
      }
      if (replacement[i] === '{') {
        const close = replacement.indexOf('}', i);
        const name = close < 0 ? '' : replacement.slice(i + 1, close);
        if (close < 0 || !/^[a-zA-Z][a-zA-Z0-9]*$/.test(name)) {
          throw new JavaException(
            'java.lang.IllegalArgumentException',
            "named capturing group is missing trailing '}'",
          );
        }
        if (!re.groupNames.has(name)) {
          throw new JavaException('java.lang.IllegalArgumentException', `No group with name {${name}}`);
        }
        if (lit !== '') parts.push(lit);
        lit = '';
        parts.push({ name });
        i = close + 1;
      } else {
        const d = replacement.charCodeAt(i) - 48;
        if (!(d >= 0 && d <= 9))
          throw new JavaException('java.lang.IllegalArgumentException', 'Illegal group reference');
        if (d > re.groupCount) throw new JavaException('java.lang.IndexOutOfBoundsException', `No group ${d}`);
        let ref = d;
        i++;
        for (;;) {
          const nd = replacement.charCodeAt(i) - 48;
          if (!(nd >= 0 && nd <= 9)) break;
          const next = ref * 10 + nd;
          if (next > re.groupCount) break;
          ref = next;
          i++;
        }
        if (lit !== '') parts.push(lit);
        lit = '';
        parts.push(ref);
      }
    } else {
      lit += c;
      i++;
    }
  }
  if (lit !== '') parts.push(lit);
  return parts;
}

function expand(parts: readonly ReplacementPart[], match: RegExpExecArray): string {
  let out = '';
  for (const p of parts) {
    if (typeof p === 'string') out += p;
    else if (typeof p === 'number') out += match[p] ?? '';
    else out += match.groups?.[p.name] ?? '';
  }
  return out;
}

/** String.replaceAll / replaceFirst with Java regex and replacement semantics. */
export function javaReplace(
  s: string,
  regex: string,
  replacement: string,
  all: boolean,
  /** called with the length built so far, so a limit stops the work as soon as it is passed */
  grew: (length: number) => void = () => {},
): string {
  const re = compileJavaRegex(regex);
  const parts = parseReplacement(replacement, re);
  const g = re.global;
  g.lastIndex = 0;
  let out = '';
  let last = 0;
  for (;;) {
    const m = g.exec(s);
    if (m === null) break;
    out += s.slice(last, m.index) + expand(parts, m);
    grew(out.length);
    last = m.index + m[0].length;
    if (m[0].length === 0) {
      if (g.lastIndex < s.length) out += s[g.lastIndex] ?? '';
      last = g.lastIndex + 1;
      g.lastIndex++;
      if (last > s.length) break;
    }
    if (!all) break;
  }
  return out + s.slice(Math.min(last, s.length));
}

export function javaMatches(s: string, regex: string): boolean {
  const w = compileJavaRegex(regex).whole;
  w.lastIndex = 0;
  return w.test(s);
}

/** String.split(regex, limit) with Java's rules. */
export function javaSplit(s: string, regex: string, limit = 0): string[] {
  const g = compileJavaRegex(regex).global;
  g.lastIndex = 0;
  const out: string[] = [];
  let index = 0;
  for (;;) {
    if (limit > 0 && out.length === limit - 1) break;
    if (g.lastIndex > s.length) break;
    const m = g.exec(s);
    if (m === null) break;
    const start = m.index;
    const end = start + m[0].length;
    if (start === end) g.lastIndex = start + 1;
    // No leading empty string for a zero-width match at the very beginning.
    if (index === 0 && start === 0 && end === 0) continue;
    out.push(s.slice(index, start));
    index = end;
  }
  if (index === 0) return [s];
  out.push(s.slice(index));
  if (limit === 0) while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}
