// `$util` in API Gateway mapping templates: escapeJavaScript, parseJson, urlEncode, urlDecode, base64Encode,
// base64Decode. Each takes a java.lang.String: Velocity 1.7 converts nothing, so a number or map argument finds no
// method and the reference renders as written; a null argument reaches the Java code (escapeJavaScript returns null,
// the others throw).
import { JavaException } from './errors';
import { parseJson } from './json';
import { HostObject, type MethodRuntime, nullPointer, type Value } from './values';

function hexUpper(c: number): string {
  return c.toString(16).toUpperCase();
}

/**
 * Commons Lang 2 `StringEscapeUtils.escapeJavaScript`: `'` → `\'`, `"` → `\"`, `\` → `\\`, `/` → `\/`,
 * \b \f \n \r \t, other control characters and every non-ASCII UTF-16 unit as `\uXXXX` (upper-case hex).
 */
export function escapeJavaScript(s: string): string {
  let out = '';
  let plainFrom = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    let rep: string | null = null;
    if (ch > 0x7f) {
      rep = `\\u${hexUpper(ch).padStart(4, '0')}`;
    } else if (ch < 32) {
      switch (ch) {
        case 8:
          rep = '\\b';
          break;
        case 10:
          rep = '\\n';
          break;
        case 9:
          rep = '\\t';
          break;
        case 12:
          rep = '\\f';
          break;
        case 13:
          rep = '\\r';
          break;
        default:
          rep = `\\u${hexUpper(ch).padStart(4, '0')}`;
      }
    } else if (ch === 39) rep = "\\'";
    else if (ch === 34) rep = '\\"';
    else if (ch === 92) rep = '\\\\';
    else if (ch === 47) rep = '\\/';
    if (rep !== null) {
      out += s.slice(plainFrom, i) + rep;
      plainFrom = i + 1;
    }
  }
  return plainFrom === 0 ? s : out + s.slice(plainFrom);
}

const URL_SAFE = /^[a-zA-Z0-9.\-*_]*$/;

/** java.net.URLEncoder.encode(s, "UTF-8"): form encoding, space → `+`, upper-case percent escapes. */
export function urlEncode(s: string): string {
  if (URL_SAFE.test(s)) return s;
  let out = '';
  for (const b of Buffer.from(s, 'utf8')) {
    if (
      (b >= 0x61 && b <= 0x7a) ||
      (b >= 0x41 && b <= 0x5a) ||
      (b >= 0x30 && b <= 0x39) ||
      b === 0x2e ||
      b === 0x2d ||
      b === 0x2a ||
      b === 0x5f
    ) {
      out += String.fromCharCode(b);
    } else if (b === 0x20) {
      out += '+';
    } else {
      out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
    }
  }
  return out;
}

/** java.net.URLDecoder.decode(s, "UTF-8"): `+` → space, runs of `%XX` decoded as UTF-8; a bad escape throws. */
export function urlDecode(s: string): string {
  if (!s.includes('%') && !s.includes('+')) return s;
  let out = '';
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === '+') {
      out += ' ';
      i++;
    } else if (c === '%') {
      const bytes: number[] = [];
      while (i < s.length && s[i] === '%') {
        if (i + 2 >= s.length) {
          throw new JavaException(
            'java.lang.IllegalArgumentException',
            'URLDecoder: Incomplete trailing escape (%) pattern',
          );
        }
        const hex = s.slice(i + 1, i + 3);
        if (!/^[0-9a-fA-F]{2}$/.test(hex)) {
          throw new JavaException(
            'java.lang.IllegalArgumentException',
            `URLDecoder: Illegal hex characters in escape (%) pattern - For input string: "${hex}"`,
          );
        }
        bytes.push(Number.parseInt(hex, 16));
        i += 3;
      }
      out += Buffer.from(bytes).toString('utf8');
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

export function base64Encode(s: string): string {
  return Buffer.from(s, 'utf8').toString('base64');
}

/** java.util.Base64 basic decoder: standard alphabet only, padding optional but must be right when present. */
export function base64Decode(s: string): string {
  const body = s.replace(/={1,2}$/, '');
  const padding = s.length - body.length;
  if (!/^[A-Za-z0-9+/]*$/.test(body)) {
    const bad = /[^A-Za-z0-9+/]/.exec(body);
    const code = bad === null ? 0 : bad[0].charCodeAt(0);
    throw new JavaException('java.lang.IllegalArgumentException', `Illegal base64 character ${code.toString(16)}`);
  }
  const rem = body.length % 4;
  if (rem === 1 || (padding > 0 && rem + padding !== 4)) {
    throw new JavaException('java.lang.IllegalArgumentException', 'Last unit does not have enough valid bits');
  }
  return Buffer.from(body, 'base64').toString('utf8');
}

/** The `$util` variable. */
export class UtilObject extends HostObject {
  readonly javaClass = 'com.amazonaws.apigateway.mapping.Util';

  override invoke(name: string, args: readonly Value[], rt: MethodRuntime): Value | undefined {
    if (args.length !== 1) return undefined;
    const a = args[0] ?? null;
    if (a !== null && typeof a !== 'string') return undefined;
    switch (name) {
      case 'escapeJavaScript':
        return a === null ? null : rt.checkString(escapeJavaScript(a));
      case 'parseJson':
        if (a === null) return nullPointer('parseJson(null)');
        rt.charge(a.length);
        return parseJson(a);
      case 'urlEncode':
        return a === null ? nullPointer('urlEncode(null)') : rt.checkString(urlEncode(a));
      case 'urlDecode':
        return a === null ? nullPointer('urlDecode(null)') : urlDecode(a);
      case 'base64Encode':
        return a === null ? nullPointer('base64Encode(null)') : rt.checkString(base64Encode(a));
      case 'base64Decode':
        return a === null ? nullPointer('base64Decode(null)') : base64Decode(a);
      default:
        return undefined;
    }
  }
}
