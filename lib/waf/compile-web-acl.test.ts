import { describe, expect, it } from 'vitest';
import { compileWebAcl, type IpSetContents } from './compile-web-acl';
import type { WafRequest } from './waf-request';
import { checkWebAclDefinition } from './web-acl-definition';

const IP_SET_ARN = 'arn:aws:wafv2:us-east-1:123456789012:regional/ipset/blocked/0a1b2c3d-0000-4000-8000-000000000001';
const ipSets = new Map<string, IpSetContents>([
  [
    '0a1b2c3d-0000-4000-8000-000000000001',
    {
      id: '0a1b2c3d-0000-4000-8000-000000000001',
      ipAddressVersion: 'IPV4',
      addresses: ['10.1.0.0/16', '192.0.2.7/32'],
    },
  ],
]);

const b64 = (text: string) => Buffer.from(text).toString('base64');
const visibility = { SampledRequestsEnabled: false, CloudWatchMetricsEnabled: false, MetricName: 'm' };

function request(
  overrides: Partial<Omit<WafRequest, 'header' | 'queryArguments'>> & { headers?: Record<string, string> } = {},
): WafRequest {
  const queryString = overrides.queryString ?? '';
  const headers = overrides.headers ?? {};
  return {
    method: overrides.method ?? 'GET',
    uriPath: overrides.uriPath ?? '/prod/pets',
    queryString,
    headerValues: (name) => {
      const value = headers[name];
      return value === undefined ? [] : value.split('\n');
    },
    queryArguments: () => [...new URLSearchParams(queryString)],
    ipSetMatches: new Map(),
    body: overrides.body ?? Buffer.alloc(0),
    sourceIp: overrides.sourceIp ?? '203.0.113.9',
  };
}

function acl(rules: unknown[], defaultAction: unknown = { Allow: {} }, customResponseBodies?: unknown) {
  const definition = { DefaultAction: defaultAction, Rules: rules, CustomResponseBodies: customResponseBodies };
  checkWebAclDefinition(definition); // what the management API stores has passed this
  return compileWebAcl({ arn: 'arn:acl', defaultAction, rules, customResponseBodies }, ipSets);
}

const rule = (Name: string, Priority: number, Statement: unknown, Action: unknown = { Block: {} }) => ({
  Name,
  Priority,
  Statement,
  Action,
  VisibilityConfig: visibility,
});

describe('web ACL evaluation', () => {
  it('blocks the addresses of an IP set, CIDR blocks included, and only IPv4 callers for an IPv4 set', () => {
    const web = acl([rule('ips', 0, { IPSetReferenceStatement: { ARN: IP_SET_ARN } })]);
    expect(web.evaluate(request({ sourceIp: '10.1.200.3' }))).toEqual({ action: 'BLOCK' });
    expect(web.evaluate(request({ sourceIp: '192.0.2.7' }))).toEqual({ action: 'BLOCK' });
    expect(web.evaluate(request({ sourceIp: '192.0.2.8' }))).toEqual({ action: 'ALLOW' });
    expect(web.evaluate(request({ sourceIp: '::1' }))).toEqual({ action: 'ALLOW' });
  });

  it('matches byte strings after the transformations, by position', () => {
    const web = acl([
      rule('admin', 1, {
        ByteMatchStatement: {
          SearchString: b64('/admin'),
          FieldToMatch: { UriPath: {} },
          TextTransformations: [
            { Priority: 0, Type: 'URL_DECODE' },
            { Priority: 1, Type: 'LOWERCASE' },
          ],
          PositionalConstraint: 'CONTAINS',
        },
      }),
    ]);
    expect(web.evaluate(request({ uriPath: '/prod/%41dmin/users' })).action).toBe('BLOCK');
    expect(web.evaluate(request({ uriPath: '/prod/ADMIN' })).action).toBe('BLOCK');
    expect(web.evaluate(request({ uriPath: '/prod/administrators' })).action).toBe('BLOCK');
    expect(web.evaluate(request({ uriPath: '/prod/pets' })).action).toBe('ALLOW');
  });

  it('inspects single headers, query arguments and words', () => {
    const web = acl([
      rule('bot', 0, {
        ByteMatchStatement: {
          SearchString: b64('badbot'),
          FieldToMatch: { SingleHeader: { Name: 'User-Agent' } },
          TextTransformations: [{ Priority: 0, Type: 'LOWERCASE' }],
          PositionalConstraint: 'CONTAINS_WORD',
        },
      }),
      rule('debug', 1, {
        ByteMatchStatement: {
          SearchString: b64('true'),
          FieldToMatch: { SingleQueryArgument: { Name: 'Debug' } },
          TextTransformations: [{ Priority: 0, Type: 'NONE' }],
          PositionalConstraint: 'EXACTLY',
        },
      }),
    ]);
    expect(web.evaluate(request({ headers: { 'user-agent': 'Mozilla BadBot/1.0' } })).action).toBe('BLOCK');
    expect(web.evaluate(request({ headers: { 'user-agent': 'NotABadBotter' } })).action).toBe('ALLOW');
    expect(web.evaluate(request({ queryString: 'debug=true' })).action).toBe('BLOCK');
    expect(web.evaluate(request({ queryString: 'debug=truex' })).action).toBe('ALLOW');
  });

  it('takes the first deciding rule by priority; Count rules do not decide; logic statements combine', () => {
    const post = {
      ByteMatchStatement: {
        SearchString: b64('POST'),
        FieldToMatch: { Method: {} },
        TextTransformations: [{ Priority: 0, Type: 'NONE' }],
        PositionalConstraint: 'EXACTLY',
      },
    };
    const web = acl(
      [
        rule('count-all', 0, { NotStatement: { Statement: post } }, { Count: {} }),
        rule('allow-office', 1, { IPSetReferenceStatement: { ARN: IP_SET_ARN } }, { Allow: {} }),
        rule('block-big-posts', 2, {
          AndStatement: {
            Statements: [
              post,
              {
                SizeConstraintStatement: {
                  FieldToMatch: { Body: {} },
                  ComparisonOperator: 'GT',
                  Size: 10,
                  TextTransformations: [{ Priority: 0, Type: 'NONE' }],
                },
              },
            ],
          },
        }),
      ],
      { Allow: {} },
    );
    const big = Buffer.from('x'.repeat(11));
    expect(web.evaluate(request({ method: 'POST', body: big })).action).toBe('BLOCK');
    expect(web.evaluate(request({ method: 'POST', body: big, sourceIp: '10.1.0.1' })).action).toBe('ALLOW');
    expect(web.evaluate(request({ method: 'POST', body: Buffer.from('small') })).action).toBe('ALLOW');
    expect(web.evaluate(request({ method: 'GET', body: big })).action).toBe('ALLOW');
  });

  it('answers a Block’s custom response: code, x-amzn-waf- headers, body by key', () => {
    const web = acl(
      [],
      {
        Block: {
          CustomResponse: {
            ResponseCode: 429,
            CustomResponseBodyKey: 'nope',
            ResponseHeaders: [{ Name: 'reason', Value: 'closed' }],
          },
        },
      },
      { nope: { ContentType: 'APPLICATION_JSON', Content: '{"error":"closed"}' } },
    );
    expect(web.evaluate(request())).toEqual({
      action: 'BLOCK',
      response: {
        status: 429,
        headers: { 'x-amzn-waf-reason': 'closed' },
        body: { contentType: 'application/json', content: '{"error":"closed"}' },
      },
    });
  });

  it('handles bodies over the 16 KB it inspects as the rule’s OversizeHandling says', () => {
    const search = (OversizeHandling?: string) =>
      acl([
        rule('body', 0, {
          ByteMatchStatement: {
            SearchString: b64('needle'),
            FieldToMatch: { Body: OversizeHandling ? { OversizeHandling } : {} },
            TextTransformations: [{ Priority: 0, Type: 'NONE' }],
            PositionalConstraint: 'CONTAINS',
          },
        }),
      ]);
    const late = Buffer.from(`${'a'.repeat(16 * 1024)}needle`);
    expect(search().evaluate(request({ body: late })).action).toBe('ALLOW'); // CONTINUE: the first 16 KB only
    expect(search('MATCH').evaluate(request({ body: late })).action).toBe('BLOCK');
    expect(search('NO_MATCH').evaluate(request({ body: Buffer.from(`needle${'a'.repeat(16 * 1024)}`) })).action).toBe(
      'ALLOW',
    );
  });
});

describe('what a rule inspects', () => {
  const match = (FieldToMatch: unknown, value: string, types = ['NONE'], PositionalConstraint = 'EXACTLY') =>
    acl([
      rule('r', 0, {
        ByteMatchStatement: {
          SearchString: b64(value),
          FieldToMatch,
          TextTransformations: types.map((Type, Priority) => ({ Priority, Type })),
          PositionalConstraint,
        },
      }),
    ]);

  it('inspects every copy of a repeated header or query argument: any one matching matches', () => {
    expect(
      match({ SingleHeader: { Name: 'X-Role' } }, 'admin').evaluate(request({ headers: { 'x-role': 'user\nadmin' } }))
        .action,
    ).toBe('BLOCK');
    expect(
      match({ SingleQueryArgument: { Name: 'q' } }, '<script>').evaluate(
        request({ queryString: 'q=ok&q=%3Cscript%3E' }),
      ).action,
    ).toBe('BLOCK');
  });

  it('normalizes paths as WAF does: back references at the beginning stay', () => {
    const traversal = match(
      { SingleQueryArgument: { Name: 'file' } },
      '../',
      ['URL_DECODE', 'NORMALIZE_PATH'],
      'CONTAINS',
    );
    for (const file of ['../../etc/passwd', 'img/../../../etc/passwd', '/../etc/passwd']) {
      expect([file, traversal.evaluate(request({ queryString: `file=${encodeURIComponent(file)}` })).action]).toEqual([
        file,
        'BLOCK',
      ]);
    }
    expect(traversal.evaluate(request({ queryString: 'file=img/../a/./b' })).action).toBe('ALLOW'); // img/../a → a
  });

  it('finds a word among overlapping occurrences (CONTAINS_WORD, in one pass)', () => {
    const word = match({ QueryString: {} }, 'aa', ['NONE'], 'CONTAINS_WORD');
    expect(word.evaluate(request({ queryString: 'aaa-aa' })).action).toBe('BLOCK');
    expect(word.evaluate(request({ queryString: 'aaa-aaa' })).action).toBe('ALLOW');
    expect(word.evaluate(request({ queryString: 'aa' })).action).toBe('BLOCK');
    expect(word.evaluate(request({ queryString: 'baab' })).action).toBe('ALLOW');
  });

  it('checks an IP set once per request however many rules name it', () => {
    const reference = { IPSetReferenceStatement: { ARN: IP_SET_ARN } };
    const web = acl([rule('many', 0, { OrStatement: { Statements: Array.from({ length: 300 }, () => reference) } })]);
    const caller = request({ sourceIp: '203.0.113.1' });
    expect(web.evaluate(caller).action).toBe('ALLOW');
    expect(caller.ipSetMatches.size).toBe(1);
  });
});

describe('web ACL definitions', () => {
  it('count WAF capacity units as WAF does', () => {
    const byteMatch = (PositionalConstraint: string, types: string[]) => ({
      ByteMatchStatement: {
        SearchString: b64('x'),
        FieldToMatch: { UriPath: {} },
        TextTransformations: types.map((Type, Priority) => ({ Priority, Type })),
        PositionalConstraint,
      },
    });
    expect(
      checkWebAclDefinition({
        DefaultAction: { Allow: {} },
        Rules: [
          rule('a', 0, byteMatch('EXACTLY', ['NONE'])), // 2
          rule('b', 1, byteMatch('CONTAINS', ['LOWERCASE', 'URL_DECODE'])), // 10 + 20
          rule('c', 2, { IPSetReferenceStatement: { ARN: IP_SET_ARN } }), // 1
        ],
      }),
    ).toEqual({ capacity: 33, ipSetArns: [IP_SET_ARN] });
  });

  it('refuses what Portico cannot evaluate, and malformed rules, naming the field', () => {
    const refuse = (rules: unknown[], defaultAction: unknown = { Allow: {} }) => {
      try {
        checkWebAclDefinition({ DefaultAction: defaultAction, Rules: rules });
      } catch (error) {
        return { ...(error as object), message: (error as Error).message };
      }
      throw new Error('accepted');
    };
    expect(refuse([rule('geo', 0, { GeoMatchStatement: { CountryCodes: ['FR'] } })])).toMatchObject({
      field: 'GEO_MATCH_STATEMENT',
      message: expect.stringContaining("Portico's WAF does not evaluate GeoMatchStatement"),
    });
    expect(
      refuse([
        rule('a', 0, { IPSetReferenceStatement: { ARN: IP_SET_ARN } }),
        rule('a', 1, { IPSetReferenceStatement: { ARN: IP_SET_ARN } }),
      ]),
    ).toMatchObject({ field: 'RULE', parameter: 'a' });
    expect(refuse([], { Allow: {}, Block: {} })).toMatchObject({ field: 'DEFAULT_ACTION' });
    expect(
      refuse([], { Block: { CustomResponse: { ResponseCode: 403, CustomResponseBodyKey: 'missing' } } }),
    ).toMatchObject({ field: 'CUSTOM_RESPONSE_BODY' });
    expect(
      refuse([
        rule('t', 0, {
          ByteMatchStatement: {
            SearchString: b64('x'),
            FieldToMatch: { UriPath: {} },
            TextTransformations: [{ Priority: 0, Type: 'CMD_LINE' }],
            PositionalConstraint: 'EXACTLY',
          },
        }),
      ]),
    ).toMatchObject({ field: 'TEXT_TRANSFORMATION', parameter: 'CMD_LINE' });
  });
});
