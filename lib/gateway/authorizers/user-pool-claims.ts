// A verified user-pool token's claims as AWS hands them on (`$context.authorizer.claims`, the Lambda proxy event's
// `requestContext.authorizer.claims`): every value a string. Observed quirks, reproduced: `exp` and `iat` become
// Java dates (`Tue Apr 04 18:39:39 UTC 2023`) while `auth_time` stays a number's digits, arrays are joined with
// commas (`cognito:groups`: `admin,dev`), booleans are `true`/`false`.

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** `java.util.Date#toString()` in UTC: `EEE MMM dd HH:mm:ss zzz yyyy` */
export function javaDate(epochSeconds: number): string {
  const d = new Date(epochSeconds * 1000);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

const DATE_CLAIMS = new Set(['exp', 'iat']);

function claimText(name: string, value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return DATE_CLAIMS.has(name) ? javaDate(value) : String(value);
  if (Array.isArray(value))
    return value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join(',');
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function userPoolClaims(payload: Record<string, unknown>): Record<string, string> {
  const claims: Record<string, string> = Object.create(null);
  for (const [name, value] of Object.entries(payload)) claims[name] = claimText(name, value);
  return claims;
}
