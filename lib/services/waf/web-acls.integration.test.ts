// Web ACLs through the real @aws-sdk/client-wafv2 over HTTP: create (definition checked by lib/waf and stored as
// given, capacity in WCUs), get by id or ARN, update and delete with WAF's LockToken, list, references to IP sets
// (which must exist, and cannot be deleted while referenced), unsupported settings refused, and a Viewer refused.
import {
  CreateWebACLCommand,
  DeleteIPSetCommand,
  DeleteWebACLCommand,
  GetWebACLCommand,
  ListWebACLsCommand,
  type Rule,
  UpdateWebACLCommand,
  WAFAssociatedItemException,
  WAFDuplicateItemException,
  WAFInvalidParameterException,
  WAFNonexistentItemException,
  WAFOptimisticLockException,
} from '@aws-sdk/client-wafv2';
import { describe, expect, it } from 'vitest';
import { db } from '../../db/client';
import { notificationsDuring } from '../../testing/lambda-functions';
import { sdkFailure, withManagementApi } from '../../testing/management-api';
import { createIpSet, createWebAcl, ipSetRule, uniqueName, visibility, wafFailure } from '../../testing/waf';

const { waf } = withManagementApi(['DEVELOPER', 'VIEWER'] as const);
const ACL_PREFIX = 'arn:aws:wafv2:us-east-1:123456789012:regional/webacl';
const NONEXISTENT = 'AWS WAF couldn’t perform the operation because your resource doesn’t exist.';
const ASSOCIATED =
  'AWS WAF couldn’t perform the operation because your resource is being used by another resource or it’s associated with another resource.';

/** A rule blocking requests whose path is exactly /admin: 2 WCUs (an exact byte match, no transformation). */
const adminRule: Rule = {
  Name: 'block-admin',
  Priority: 2,
  Action: { Block: { CustomResponse: { ResponseCode: 403, CustomResponseBodyKey: 'denied' } } },
  Statement: {
    ByteMatchStatement: {
      SearchString: new TextEncoder().encode('/admin'),
      FieldToMatch: { UriPath: {} },
      TextTransformations: [{ Priority: 0, Type: 'NONE' }],
      PositionalConstraint: 'EXACTLY',
    },
  },
  VisibilityConfig: visibility('block-admin'),
};

describe('CreateWebACL and GetWebACL', () => {
  it('creates a web ACL, stores its definition as given with its capacity, and gets it by id and by ARN', async () => {
    const ipSet = await createIpSet(waf.DEVELOPER, uniqueName('blocked'));
    const name = uniqueName('acl');
    const rules = [ipSetRule('block-listed', 1, ipSet.arn), adminRule];
    const bodies = { denied: { ContentType: 'APPLICATION_JSON' as const, Content: '{"error":"denied"}' } };
    let summary: Awaited<ReturnType<typeof createWebAcl>> | undefined;
    const heard = await notificationsDuring(async () => {
      summary = await createWebAcl(waf.DEVELOPER, name, rules, {
        Description: 'protects the API',
        CustomResponseBodies: bodies,
      });
    });
    expect(heard).toContainEqual({ kind: 'waf' });
    expect(summary?.arn).toBe(`${ACL_PREFIX}/${name}/${summary?.id}`);

    const got = await waf.VIEWER.send(new GetWebACLCommand({ Name: name, Scope: 'REGIONAL', Id: summary?.id }));
    expect(got.LockToken).toBe(summary?.lockToken);
    expect(got.WebACL).toEqual({
      Name: name,
      Id: summary?.id,
      ARN: summary?.arn,
      Description: 'protects the API',
      DefaultAction: { Allow: {} },
      Rules: rules,
      VisibilityConfig: visibility(name),
      Capacity: 3, // 1 for the IP set reference, 2 for the exact byte match
      ManagedByFirewallManager: false,
      RetrofittedByFirewallManager: false,
      LabelNamespace: `awswaf:123456789012:webacl:${name}:`,
      CustomResponseBodies: bodies,
    });
    const byArn = await waf.VIEWER.send(new GetWebACLCommand({ ARN: summary?.arn }));
    expect(byArn.WebACL?.Id).toBe(summary?.id);
    expect(byArn.LockToken).toBe(summary?.lockToken);
    // the search string is kept as the SDK sent it (base64), and the row holds WAF's shapes as given
    const row = await db().webAcl.findUniqueOrThrow({ where: { id: summary?.id } });
    expect(
      (row.rules as Array<{ Statement: { ByteMatchStatement?: { SearchString: string } } }>)[1]?.Statement,
    ).toEqual({
      ByteMatchStatement: expect.objectContaining({ SearchString: Buffer.from('/admin').toString('base64') }),
    });
    expect(await db().auditLog.count({ where: { action: 'create-web-acl', targetId: summary?.id } })).toBe(1);
  });

  it('refuses a definition lib/waf refuses with WAFInvalidParameterException and its Field, Parameter and Reason', async () => {
    const name = uniqueName('geo');
    const error = await wafFailure(
      createWebAcl(waf.DEVELOPER, name, [
        {
          Name: 'geo',
          Priority: 0,
          Action: { Block: {} },
          Statement: { GeoMatchStatement: { CountryCodes: ['FR'] } },
          VisibilityConfig: visibility('geo'),
        },
      ]),
    );
    expect(error).toBeInstanceOf(WAFInvalidParameterException);
    expect({ ...error }).toMatchObject({
      Field: 'GEO_MATCH_STATEMENT',
      Parameter: 'GeoMatchStatement',
      Reason: expect.any(String),
    });
    expect(error.message).toBe(
      `Error reason: ${error.Reason}, field: GEO_MATCH_STATEMENT, parameter: GeoMatchStatement`,
    );
    expect(await db().webAcl.count({ where: { name } })).toBe(0);

    const twoActions = await wafFailure(
      waf.DEVELOPER.send(
        new CreateWebACLCommand({
          Name: uniqueName('two'),
          Scope: 'REGIONAL',
          DefaultAction: { Allow: {}, Block: {} },
          VisibilityConfig: visibility(),
        }),
      ),
    );
    expect(twoActions).toBeInstanceOf(WAFInvalidParameterException);
    expect({ ...twoActions }).toMatchObject({ Field: 'DEFAULT_ACTION' });
  });

  it('refuses a rule naming an IP set that does not exist with WAFNonexistentItemException', async () => {
    const missing = `arn:aws:wafv2:us-east-1:123456789012:regional/ipset/gone/00000000-0000-4000-8000-000000000000`;
    const otherRegion = `arn:aws:wafv2:eu-west-1:123456789012:regional/ipset/gone/00000000-0000-4000-8000-000000000000`;
    const real = await createIpSet(waf.DEVELOPER, uniqueName('real'));
    const wrongName = real.arn.replace(`/ipset/${real.name}/`, `/ipset/${real.name}x/`);
    for (const arn of [missing, otherRegion, wrongName]) {
      const error = await wafFailure(createWebAcl(waf.DEVELOPER, uniqueName('missing'), [ipSetRule('r', 0, arn)]));
      expect(error, arn).toBeInstanceOf(WAFNonexistentItemException);
      expect(error.message).toBe(NONEXISTENT);
    }
  });

  it('refuses a duplicate name, scope CLOUDFRONT, missing members and settings Portico does not implement', async () => {
    const name = uniqueName('dup');
    await createWebAcl(waf.DEVELOPER, name);
    expect(await wafFailure(createWebAcl(waf.DEVELOPER, name))).toBeInstanceOf(WAFDuplicateItemException);

    const cloudfront = await wafFailure(createWebAcl(waf.DEVELOPER, uniqueName('cf'), [], { Scope: 'CLOUDFRONT' }));
    expect(cloudfront).toBeInstanceOf(WAFInvalidParameterException);
    expect(cloudfront.message).toBe('Error reason: The scope is not valid., field: SCOPE_VALUE, parameter: CLOUDFRONT');

    expect(
      await sdkFailure(
        waf.DEVELOPER.send(
          new CreateWebACLCommand({
            Name: uniqueName('bare'),
            Scope: 'REGIONAL',
            DefaultAction: undefined,
            VisibilityConfig: { SampledRequestsEnabled: false, CloudWatchMetricsEnabled: false, MetricName: 'a b' },
            Rules: [{ ...adminRule, VisibilityConfig: undefined }],
          }),
        ),
      ),
    ).toEqual({
      name: 'ValidationException',
      message:
        "3 validation errors detected: Value null at 'defaultAction' failed to satisfy constraint: Member must not be null; Value null at 'rules.1.member.visibilityConfig' failed to satisfy constraint: Member must not be null; Value 'a b' at 'visibilityConfig.metricName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[\\w#:\\.\\-/]+$",
      status: 400,
    });

    for (const [extra, field, parameter] of [
      [{ Tags: [{ Key: 'team', Value: 'a' }] }, 'TAGS', 'Tags'],
      [{ TokenDomains: ['example.com'] }, 'TOKEN_DOMAIN', 'TokenDomains'],
      [{ AssociationConfig: { RequestBody: {} } }, 'WEB_ACL', 'AssociationConfig'],
      [{ Rules: [{ ...adminRule, RuleLabels: [{ Name: 'a:b' }] }] }, 'RULE', 'RuleLabels'],
    ] as const) {
      const error = await wafFailure(createWebAcl(waf.DEVELOPER, uniqueName('unsupported'), [], extra as never));
      expect(error, parameter).toBeInstanceOf(WAFInvalidParameterException);
      expect({ ...error }).toMatchObject({
        Field: field,
        Parameter: parameter,
        Reason: `Portico's WAF does not support ${parameter}.`,
      });
    }
  });

  it('answers WAFNonexistentItemException for an unknown id or a mismatched name, and refuses a malformed ARN', async () => {
    const acl = await createWebAcl(waf.DEVELOPER, uniqueName('lookup'));
    for (const input of [
      { Name: acl.name, Scope: 'REGIONAL' as const, Id: '00000000-0000-4000-8000-000000000000' },
      { Name: `${acl.name}-x`, Scope: 'REGIONAL' as const, Id: acl.id },
      { ARN: acl.arn.replace('us-east-1', 'eu-west-1') },
    ]) {
      const error = await wafFailure(waf.DEVELOPER.send(new GetWebACLCommand(input)));
      expect(error).toBeInstanceOf(WAFNonexistentItemException);
    }
    for (const arn of [
      `arn:aws:wafv2:us-east-1:123456789012:global/webacl/${acl.name}/${acl.id}`,
      'not-an-arn-at-all-really',
    ]) {
      const error = await wafFailure(waf.DEVELOPER.send(new GetWebACLCommand({ ARN: arn })));
      expect(error).toBeInstanceOf(WAFInvalidParameterException);
      expect({ ...error }).toMatchObject({ Field: 'RESOURCE_ARN', Parameter: arn });
    }
  });
});

describe('UpdateWebACL', () => {
  it('replaces every mutable setting with the current LockToken, and refuses a stale one', async () => {
    const ipSet = await createIpSet(waf.DEVELOPER, uniqueName('upd'));
    const acl = await createWebAcl(waf.DEVELOPER, uniqueName('upd'), [adminRule], {
      Description: 'before',
      CustomResponseBodies: { denied: { ContentType: 'TEXT_PLAIN', Content: 'no' } },
    });
    const update = (lockToken: string, rules: Rule[]) =>
      waf.DEVELOPER.send(
        new UpdateWebACLCommand({
          Name: acl.name,
          Scope: 'REGIONAL',
          Id: acl.id,
          DefaultAction: { Block: {} },
          Rules: rules,
          VisibilityConfig: visibility('after'),
          LockToken: lockToken,
        }),
      );
    const { NextLockToken } = await update(acl.lockToken, [ipSetRule('listed', 0, ipSet.arn)]);
    expect(NextLockToken).not.toBe(acl.lockToken);
    const got = await waf.DEVELOPER.send(new GetWebACLCommand({ Name: acl.name, Scope: 'REGIONAL', Id: acl.id }));
    expect(got.LockToken).toBe(NextLockToken);
    expect(got.WebACL).toMatchObject({
      DefaultAction: { Block: {} },
      Rules: [ipSetRule('listed', 0, ipSet.arn)],
      VisibilityConfig: visibility('after'),
      Capacity: 1,
    });
    // absent from the update: cleared
    expect(got.WebACL?.Description).toBeUndefined();
    expect(got.WebACL?.CustomResponseBodies).toBeUndefined();

    const stale = await wafFailure(update(acl.lockToken, []));
    expect(stale).toBeInstanceOf(WAFOptimisticLockException);
    expect(stale.message).toBe(
      'AWS WAF couldn’t save your changes because someone changed the resource after you started to edit it. Reapply your changes.',
    );
    // an invalid definition changes nothing, even with the current token
    expect(await wafFailure(update(NextLockToken as string, [ipSetRule('r', 0, `${ipSet.arn}0`)]))).toBeInstanceOf(
      WAFNonexistentItemException,
    );
    const after = await waf.DEVELOPER.send(new GetWebACLCommand({ Name: acl.name, Scope: 'REGIONAL', Id: acl.id }));
    expect(after.LockToken).toBe(NextLockToken);
    expect(await db().auditLog.count({ where: { action: 'update-web-acl', targetId: acl.id } })).toBe(1);
  });
});

describe('DeleteWebACL and IP sets in use', () => {
  it('keeps an IP set a web ACL references, and deletes both in turn with their current tokens', async () => {
    const ipSet = await createIpSet(waf.DEVELOPER, uniqueName('inuse'));
    const acl = await createWebAcl(waf.DEVELOPER, uniqueName('inuse'), [
      {
        Name: 'nested',
        Priority: 0,
        Action: { Count: {} },
        Statement: {
          NotStatement: { Statement: { IPSetReferenceStatement: { ARN: ipSet.arn } } },
        },
        VisibilityConfig: visibility('nested'),
      },
    ]);
    const inUse = await wafFailure(
      waf.DEVELOPER.send(
        new DeleteIPSetCommand({ Name: ipSet.name, Scope: 'REGIONAL', Id: ipSet.id, LockToken: ipSet.lockToken }),
      ),
    );
    expect(inUse).toBeInstanceOf(WAFAssociatedItemException);
    expect(inUse.message).toBe(ASSOCIATED);

    const stale = await wafFailure(
      waf.DEVELOPER.send(
        new DeleteWebACLCommand({
          Name: acl.name,
          Scope: 'REGIONAL',
          Id: acl.id,
          LockToken: '00000000-0000-4000-8000-000000000000',
        }),
      ),
    );
    expect(stale).toBeInstanceOf(WAFOptimisticLockException);
    await waf.DEVELOPER.send(
      new DeleteWebACLCommand({ Name: acl.name, Scope: 'REGIONAL', Id: acl.id, LockToken: acl.lockToken }),
    );
    expect(
      await wafFailure(waf.DEVELOPER.send(new GetWebACLCommand({ Name: acl.name, Scope: 'REGIONAL', Id: acl.id }))),
    ).toBeInstanceOf(WAFNonexistentItemException);
    await waf.DEVELOPER.send(
      new DeleteIPSetCommand({ Name: ipSet.name, Scope: 'REGIONAL', Id: ipSet.id, LockToken: ipSet.lockToken }),
    );
    expect(await db().auditLog.count({ where: { action: 'delete-web-acl', targetId: acl.id } })).toBe(1);
  });
});

describe('ListWebACLs', () => {
  it('pages with Limit and NextMarker in name order', async () => {
    const prefix = uniqueName('list');
    const created = [];
    for (const suffix of ['a', 'b', 'c']) created.push(await createWebAcl(waf.DEVELOPER, `${prefix}-${suffix}`));
    const names: string[] = [];
    const mine: unknown[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const page = await waf.VIEWER.send(new ListWebACLsCommand({ Scope: 'REGIONAL', Limit: 1, NextMarker: marker }));
      expect(page.WebACLs?.length).toBe(1);
      for (const acl of page.WebACLs ?? []) {
        names.push(acl.Name as string);
        if (acl.Name?.startsWith(`${prefix}-`)) mine.push(acl);
      }
      marker = page.NextMarker;
      pages += 1;
    } while (marker && pages < 1000);
    expect(names).toEqual([...names].sort());
    expect(mine).toEqual(created.map((c) => ({ Name: c.name, Id: c.id, LockToken: c.lockToken, ARN: c.arn })));
    const cloudfront = await wafFailure(waf.VIEWER.send(new ListWebACLsCommand({ Scope: 'CLOUDFRONT' })));
    expect(cloudfront).toBeInstanceOf(WAFInvalidParameterException);
  });
});

describe('roles', () => {
  it('lets a Viewer read web ACLs and refuses every write', async () => {
    const acl = await createWebAcl(waf.DEVELOPER, uniqueName('viewer'));
    await waf.VIEWER.send(new GetWebACLCommand({ ARN: acl.arn }));
    for (const call of [
      () => createWebAcl(waf.VIEWER, uniqueName('viewer')),
      () =>
        waf.VIEWER.send(
          new UpdateWebACLCommand({
            Name: acl.name,
            Scope: 'REGIONAL',
            Id: acl.id,
            DefaultAction: { Block: {} },
            VisibilityConfig: visibility(),
            LockToken: acl.lockToken,
          }),
        ),
      () =>
        waf.VIEWER.send(
          new DeleteWebACLCommand({ Name: acl.name, Scope: 'REGIONAL', Id: acl.id, LockToken: acl.lockToken }),
        ),
    ]) {
      expect(await sdkFailure(call())).toMatchObject({ name: 'AccessDeniedException', status: 403 });
    }
    expect(await db().webAcl.count({ where: { id: acl.id } })).toBe(1);
  });
});
