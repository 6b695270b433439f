// Character-level scanning for the Velocity 1.7 grammar (Apache Velocity's Parser.jjt, which AWS's engine uses).
// Velocity's lexer is modal (text, directive, reference); the parser drives these helpers from the right mode.
// Every helper takes an offset and returns the offset where the token ends (the same offset when nothing matched).

export const CH = {
  tab: 9,
  lf: 10,
  cr: 13,
  space: 32,
  bang: 33,
  dquote: 34,
  hash: 35,
  dollar: 36,
  squote: 39,
  lparen: 40,
  rparen: 41,
  star: 42,
  comma: 44,
  minus: 45,
  dot: 46,
  colon: 58,
  equals: 61,
  at: 64,
  lbracket: 91,
  backslash: 92,
  rbracket: 93,
  underscore: 95,
  lbrace: 123,
  rbrace: 125,
} as const;

export const isAlpha = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
export const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** Whitespace inside directives and method arguments: space, tab, CR, LF. */
export const isDirectiveSpace = (c: number): boolean => c === CH.space || c === CH.tab || c === CH.lf || c === CH.cr;

/** Reference identifiers: `[a-zA-Z_][a-zA-Z0-9_-]*`. Note the hyphen: `$foo-bar` is one reference (quirk). */
export function identifierEnd(src: string, pos: number): number {
  const first = src.charCodeAt(pos);
  if (!(isAlpha(first) || first === CH.underscore)) return pos;
  let p = pos + 1;
  for (;;) {
    const c = src.charCodeAt(p);
    if (isAlpha(c) || isDigit(c) || c === CH.underscore || c === CH.minus) p++;
    else return p;
  }
}

/** Directive words after `#`: `[a-zA-Z_@][a-zA-Z0-9_@]*`. */
export function wordEnd(src: string, pos: number): number {
  const first = src.charCodeAt(pos);
  if (!(isAlpha(first) || first === CH.underscore || first === CH.at)) return pos;
  let p = pos + 1;
  for (;;) {
    const c = src.charCodeAt(p);
    if (isAlpha(c) || isDigit(c) || c === CH.underscore || c === CH.at) p++;
    else return p;
  }
}

/** Bracketed directive words: `{[a-zA-Z_][a-zA-Z0-9_@]*}` as in `#{if}`. */
export function bracketedWordEnd(src: string, pos: number): number {
  if (src.charCodeAt(pos) !== CH.lbrace) return pos;
  const first = src.charCodeAt(pos + 1);
  if (!(isAlpha(first) || first === CH.underscore)) return pos;
  let p = pos + 2;
  for (;;) {
    const c = src.charCodeAt(p);
    if (isAlpha(c) || isDigit(c) || c === CH.underscore || c === CH.at) p++;
    else return c === CH.rbrace ? p + 1 : pos;
  }
}

export function skipDirectiveSpace(src: string, pos: number): number {
  let p = pos;
  while (isDirectiveSpace(src.charCodeAt(p))) p++;
  return p;
}

/**
 * Velocity 1.7 swallows `[ \t]*` plus one line break right after a directive's closing `)` and right after `#end` /
 * `#else`, but only when nothing else follows on that line. Returns the offset after them, or `pos` when the line
 * goes on.
 */
export function directiveLineEnd(src: string, pos: number): number {
  let p = pos;
  for (;;) {
    const c = src.charCodeAt(p);
    if (c === CH.space || c === CH.tab) p++;
    else if (c === CH.lf) return p + 1;
    else if (c === CH.cr) return src.charCodeAt(p + 1) === CH.lf ? p + 2 : p + 1;
    else return pos;
  }
}

/** End of a `##` comment: the comment swallows its line break (`\n`, `\r` or `\r\n`). */
export function lineCommentEnd(src: string, pos: number): number {
  let p = pos;
  for (;;) {
    if (p >= src.length) return p;
    const c = src.charCodeAt(p);
    if (c === CH.lf) return p + 1;
    if (c === CH.cr) return src.charCodeAt(p + 1) === CH.lf ? p + 2 : p + 1;
    p++;
  }
}

/** A keyword operator (`and`, `eq`, `in`, `true`, …) at `pos`, not followed by another word character. */
export function keywordAt(src: string, pos: number, word: string): boolean {
  if (!src.startsWith(word, pos)) return false;
  const c = src.charCodeAt(pos + word.length);
  return !(isAlpha(c) || isDigit(c) || c === CH.underscore || c === CH.at);
}

export interface NumberToken {
  end: number;
  text: string;
  isFloat: boolean;
}

/**
 * `INTEGER_LITERAL: -?[0-9]+` (a following `..` is left alone for ranges) or
 * `FLOATING_POINT_LITERAL: -?[0-9]+.[0-9]*(e[+-]?[0-9]+)? | -?.[0-9]+(e…)? | -?[0-9]+e…`.
 */
export function scanNumber(src: string, pos: number): NumberToken | null {
  let p = pos;
  if (src.charCodeAt(p) === CH.minus) p++;
  const digitsStart = p;
  while (isDigit(src.charCodeAt(p))) p++;
  const hasDigits = p > digitsStart;
  let isFloat = false;
  if (src.charCodeAt(p) === CH.dot) {
    if (hasDigits && src.charCodeAt(p + 1) === CH.dot) return { end: p, text: src.slice(pos, p), isFloat: false };
    if (!hasDigits && !isDigit(src.charCodeAt(p + 1))) return null;
    isFloat = true;
    p++;
    while (isDigit(src.charCodeAt(p))) p++;
  } else if (!hasDigits) {
    return null;
  }
  const e = src.charCodeAt(p);
  if (e === 101 || e === 69) {
    let q = p + 1;
    const sign = src.charCodeAt(q);
    if (sign === 43 || sign === CH.minus) q++;
    if (isDigit(src.charCodeAt(q))) {
      while (isDigit(src.charCodeAt(q))) q++;
      p = q;
      isFloat = true;
    }
  }
  return { end: p, text: src.slice(pos, p), isFloat };
}

export interface StringToken {
  /** Offset after the closing quote. */
  end: number;
  /** Text between the quotes, as written. */
  raw: string;
  quote: '"' | "'";
}

/**
 * A string literal. Double-quoted strings may contain `\"` (kept as written: Velocity 1.7 does not turn `\"` or `\n`
 * into anything, only `\uXXXX`); single-quoted strings end at the next `'`. Returns null when unterminated.
 */
export function scanString(src: string, pos: number): StringToken | null {
  const q = src.charCodeAt(pos);
  if (q === CH.squote) {
    const close = src.indexOf("'", pos + 1);
    return close < 0 ? null : { end: close + 1, raw: src.slice(pos + 1, close), quote: "'" };
  }
  let p = pos + 1;
  let lastEscapedQuote = -1;
  while (p < src.length) {
    const c = src.charCodeAt(p);
    if (c === CH.dquote) return { end: p + 1, raw: src.slice(pos + 1, p), quote: '"' };
    if (c === CH.backslash && p + 1 < src.length) {
      if (src.charCodeAt(p + 1) === CH.dquote) lastEscapedQuote = p + 1;
      p += 2;
    } else {
      p++;
    }
  }
  // JavaCC takes the longest match: with no later closing quote, a `\"` was the closing quote after all.
  if (lastEscapedQuote >= 0)
    return { end: lastEscapedQuote + 1, raw: src.slice(pos + 1, lastEscapedQuote), quote: '"' };
  return null;
}

/** Velocity 1.7 only processes `\uXXXX` escapes in double-quoted strings; `\n`, `\"`, `\\` stay as written. */
export function unescapeUnicode(raw: string): string {
  if (!raw.includes('\\u')) return raw;
  return raw.replace(/\\u([0-9a-fA-F]{4})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}
