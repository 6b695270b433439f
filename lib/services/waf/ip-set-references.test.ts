import { describe, expect, it } from 'vitest';
import { referencedIpSetArns, referencesIpSet } from './ip-set-references';

const arn = (name: string, id: string) => `arn:aws:wafv2:us-east-1:123456789012:regional/ipset/${name}/${id}`;
const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

describe('IP set references', () => {
  const rules = [
    { Name: 'top', Statement: { IPSetReferenceStatement: { ARN: arn('a', A) } } },
    {
      Name: 'nested',
      Statement: {
        AndStatement: {
          Statements: [
            { NotStatement: { Statement: { IPSetReferenceStatement: { ARN: arn('b', B) } } } },
            { ByteMatchStatement: { SearchString: 'IPSetReferenceStatement' } },
          ],
        },
      },
    },
  ];

  it('finds every IPSetReferenceStatement ARN, however deeply nested', () => {
    expect([...referencedIpSetArns(rules)]).toEqual([arn('a', A), arn('b', B)]);
    expect([...referencedIpSetArns([])]).toEqual([]);
  });

  it('tells whether the rules reference an IP set by its id', () => {
    expect(referencesIpSet(rules, B)).toBe(true);
    expect(referencesIpSet(rules, '00000000-0000-4000-8000-00000000000c')).toBe(false);
  });
});
