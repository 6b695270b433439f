// WAF's text transformations, applied in priority order to what a rule inspects before it is matched. Text is
// handled as bytes (one latin1 character per byte), as WAF compares bytes.

const WHITE_SPACE = /[\t\n\v\f\r \u00a0]+/g;
const UPPER = /[A-Z]+/g;
const PERCENT = /%([0-9a-fA-F]{2})/g;

/** `%XX` to the byte it names (latin1 text) and `+` to a space; a malformed escape stays as it is. */
export function urlDecode(text: string): string {
  return text.replace(/\+/g, ' ').replace(PERCENT, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

function hexDecode(text: string): string {
  const pairs = text.match(/[0-9a-fA-F]{2}/g);
  return pairs ? String.fromCharCode(...pairs.map((pair) => Number.parseInt(pair, 16))) : '';
}

/**
 * `/a//b/./c/../d` → `/a/b/d`: repeated slashes and self references removed, back references resolved — except
 * those at the beginning of the input (`../x`, `/../x` stay), as WAF defines NORMALIZE_PATH.
 */
function normalizePath(text: string): string {
  const segments = text.replace(/\/{2,}/g, '/').split('/');
  const out: string[] = [];
  const absolute = segments[0] === '';
  for (let i = absolute ? 1 : 0; i < segments.length; i++) {
    const segment = segments[i] as string;
    const last = i === segments.length - 1;
    if (segment === '.') {
      if (last) out.push('');
      continue;
    }
    if (segment === '..' && out.length > 0 && out[out.length - 1] !== '..') {
      out.pop();
      if (last) out.push('');
      continue;
    }
    out.push(segment);
  }
  return `${absolute ? '/' : ''}${out.join('/')}`;
}

const TRANSFORMATIONS: Record<string, (text: string) => string> = {
  NONE: (text) => text,
  LOWERCASE: (text) => text.replace(UPPER, (s) => s.toLowerCase()),
  URL_DECODE: urlDecode,
  COMPRESS_WHITE_SPACE: (text) => text.replace(WHITE_SPACE, ' '),
  BASE64_DECODE: (text) => Buffer.from(text, 'base64').toString('latin1'),
  HEX_DECODE: hexDecode,
  REMOVE_NULLS: (text) => text.replaceAll('\0', ''),
  NORMALIZE_PATH: normalizePath,
};

export type Transformation = (text: string) => string;

/** The transformations of a statement, compiled into one function (identity when there are none to apply). */
export function compileTransformations(list: ReadonlyArray<{ Priority: number; Type: string }>): Transformation {
  const steps = [...list]
    .sort((a, b) => a.Priority - b.Priority)
    .map((t) => TRANSFORMATIONS[t.Type])
    .filter((step): step is Transformation => step !== undefined && step !== TRANSFORMATIONS.NONE);
  if (steps.length === 0) return (text) => text;
  return (text) => steps.reduce((value, step) => step(value), text);
}
