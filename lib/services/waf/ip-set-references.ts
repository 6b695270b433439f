// Which IP sets a web ACL's rules name: every IPSetReferenceStatement's ARN, wherever it is nested (And, Or, Not),
// as the ids those ARNs carry. Pure: reads the rules as stored.
import { parseWafArn } from './waf-arns';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The ARNs of the IP sets a value (a web ACL's Rules) references. */
export function referencedIpSetArns(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) referencedIpSetArns(item, found);
  } else if (isObject(value)) {
    for (const [key, member] of Object.entries(value)) {
      if (key === 'IPSetReferenceStatement' && isObject(member) && typeof member.ARN === 'string') {
        found.add(member.ARN);
      } else {
        referencedIpSetArns(member, found);
      }
    }
  }
  return found;
}

/** Whether the rules reference the IP set with this id. */
export function referencesIpSet(rules: unknown, ipSetId: string): boolean {
  for (const arn of referencedIpSetArns(rules)) {
    const parsed = parseWafArn(arn);
    if (parsed?.entity === 'ipset' && parsed.id === ipSetId) return true;
  }
  return false;
}
