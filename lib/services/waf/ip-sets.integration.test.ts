// IP sets through the real @aws-sdk/client-wafv2 over HTTP: create, get, update, delete and list, WAF's LockToken
// concurrency, its CIDR rules and limits, its error classes and messages, and a Viewer refused every write.
import {
  CreateIPSetCommand,
  type CreateIPSetCommandOutput,
  DeleteIPSetCommand,
  GetIPSetCommand,
  ListIPSetsCommand,
  UpdateIPSetCommand,
  WAFDuplicateItemException,
  WAFInvalidParameterException,
  WAFLimitsExceededException,
  WAFNonexistentItemException,
  WAFOptimisticLockException,
} from '@aws-sdk/client-wafv2';
import { describe, expect, it } from 'vitest';
import { db } from '../../db/client';
import { notificationsDuring } from '../../testing/lambda-functions';
import { sdkFailure, withManagementApi } from '../../testing/management-api';
import { createIpSet, uniqueName, wafFailure } from '../../testing/waf';

const { waf } = withManagementApi(['DEVELOPER', 'VIEWER'] as const);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ARN_PREFIX = 'arn:aws:wafv2:us-east-1:123456789012:regional/ipset';
const NONEXISTENT = 'AWS WAF couldn’t perform the operation because your resource doesn’t exist.';
const STALE =
  'AWS WAF couldn’t save your changes because someone changed the resource after you started to edit it. Reapply your changes.';

describe('CreateIPSet and GetIPSet', () => {
  it('creates an IPv4 set, answers its summary, and gets it with the same LockToken', async () => {
    const name = uniqueName('office');
    let created: CreateIPSetCommandOutput | undefined;
    const heard = await notificationsDuring(async () => {
      created = await waf.DEVELOPER.send(
        new CreateIPSetCommand({
          Name: name,
          Scope: 'REGIONAL',
          Description: 'office networks',
          IPAddressVersion: 'IPV4',
          Addresses: ['192.0.2.0/24', '198.51.100.7/32'],
        }),
      );
    });
    const summary = created?.Summary;
    expect(created?.$metadata.httpStatusCode).toBe(200);
    expect(summary?.Id).toMatch(UUID);
    expect(summary?.LockToken).toMatch(UUID);
    expect(summary).toEqual({
      Name: name,
      Id: summary?.Id,
      Description: 'office networks',
      LockToken: summary?.LockToken,
      ARN: `${ARN_PREFIX}/${name}/${summary?.Id}`,
    });
    expect(heard).toContainEqual({ kind: 'waf' });

    const got = await waf.VIEWER.send(new GetIPSetCommand({ Name: name, Scope: 'REGIONAL', Id: summary?.Id }));
    expect(got.LockToken).toBe(summary?.LockToken);
    expect(got.IPSet).toEqual({
      Name: name,
      Id: summary?.Id,
      ARN: summary?.ARN,
      Description: 'office networks',
      IPAddressVersion: 'IPV4',
      Addresses: ['192.0.2.0/24', '198.51.100.7/32'],
    });
    const audit = await db().auditLog.findFirst({ where: { action: 'create-ip-set', targetId: summary?.Id } });
    expect(audit?.targetType).toBe('IpSet');
  });

  it('takes IPv6 blocks in any notation, and an empty set', async () => {
    const v6 = await createIpSet(
      waf.DEVELOPER,
      uniqueName('v6'),
      ['2001:db8::/32', '2001:0db8:0:0:0:0:0:1/128', '::ffff:192.0.2.0/120'],
      'IPV6',
    );
    const got = await waf.DEVELOPER.send(new GetIPSetCommand({ Name: v6.name, Scope: 'REGIONAL', Id: v6.id }));
    expect(got.IPSet?.Addresses).toEqual(['2001:db8::/32', '2001:0db8:0:0:0:0:0:1/128', '::ffff:192.0.2.0/120']);
    const empty = await createIpSet(waf.DEVELOPER, uniqueName('empty'), []);
    const gotEmpty = await waf.DEVELOPER.send(
      new GetIPSetCommand({ Name: empty.name, Scope: 'REGIONAL', Id: empty.id }),
    );
    expect(gotEmpty.IPSet?.Addresses).toEqual([]);
    expect(gotEmpty.IPSet?.Description).toBeUndefined();
  });

  it('refuses a name already taken in the scope with WAFDuplicateItemException', async () => {
    const name = uniqueName('dup');
    await createIpSet(waf.DEVELOPER, name);
    const error = await wafFailure(createIpSet(waf.DEVELOPER, name, ['203.0.113.0/24']));
    expect(error).toBeInstanceOf(WAFDuplicateItemException);
    expect(error.message).toBe(
      'AWS WAF couldn’t perform the operation because some resource in your request is a duplicate of an existing one.',
    );
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(await db().ipSet.count({ where: { name } })).toBe(1);
  });

  it('refuses addresses WAF refuses with WAFInvalidParameterException naming the address', async () => {
    const cases: Array<[string, 'IPV4' | 'IPV6']> = [
      ['0.0.0.0/0', 'IPV4'], // every range but /0
      ['192.0.2.1/24', 'IPV4'], // bits past the prefix
      ['192.0.2.1', 'IPV4'], // not CIDR notation
      ['192.0.2.0/33', 'IPV4'],
      ['2001:db8::/32', 'IPV4'], // the other family
      ['192.0.2.0/24', 'IPV6'],
      ['::/0', 'IPV6'],
      ['2001:db8::1/64', 'IPV6'],
      ['2001:db8:::/48', 'IPV6'],
    ];
    for (const [address, version] of cases) {
      const valid = version === 'IPV4' ? '192.0.2.0/24' : '2001:db8::/32';
      const error = await wafFailure(createIpSet(waf.DEVELOPER, uniqueName('bad'), [valid, address], version));
      expect(error, address).toBeInstanceOf(WAFInvalidParameterException);
      expect({ ...error }).toMatchObject({
        Field: 'IP_ADDRESS',
        Parameter: address,
        Reason: 'The parameter contains formatting that is not valid.',
      });
      expect(error.message).toBe(
        `Error reason: The parameter contains formatting that is not valid., field: IP_ADDRESS, parameter: ${address}`,
      );
    }
  });

  it('refuses more than 10,000 addresses with WAFLimitsExceededException', async () => {
    const addresses = Array.from({ length: 10_001 }, (_, i) => `10.${i >> 8}.${i & 255}.0/24`);
    const error = await wafFailure(createIpSet(waf.DEVELOPER, uniqueName('huge'), addresses));
    expect(error).toBeInstanceOf(WAFLimitsExceededException);
    expect(error.message).toBe('AWS WAF couldn’t perform the operation because you exceeded your resource limit.');
  });

  it('refuses scope CLOUDFRONT as WAF does, bad members with ValidationException, and Tags as unsupported', async () => {
    const cloudfront = await wafFailure(
      waf.DEVELOPER.send(
        new CreateIPSetCommand({
          Name: uniqueName('cf'),
          Scope: 'CLOUDFRONT',
          IPAddressVersion: 'IPV4',
          Addresses: [],
        }),
      ),
    );
    expect(cloudfront).toBeInstanceOf(WAFInvalidParameterException);
    expect(cloudfront.message).toBe('Error reason: The scope is not valid., field: SCOPE_VALUE, parameter: CLOUDFRONT');
    expect({ ...cloudfront }).toMatchObject({ Field: 'SCOPE_VALUE', Parameter: 'CLOUDFRONT' });

    expect(
      await sdkFailure(
        waf.DEVELOPER.send(
          new CreateIPSetCommand({ Name: 'has space', Scope: 'REGIONAL', IPAddressVersion: 'IPV4', Addresses: [''] }),
        ),
      ),
    ).toEqual({
      name: 'ValidationException',
      message:
        "2 validation errors detected: Value 'has space' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[\\w\\-]+$; Value '' at 'addresses.1.member' failed to satisfy constraint: Member must have length greater than or equal to 1",
      status: 400,
    });
    const tags = await wafFailure(
      waf.DEVELOPER.send(
        new CreateIPSetCommand({
          Name: uniqueName('tags'),
          Scope: 'REGIONAL',
          IPAddressVersion: 'IPV4',
          Addresses: [],
          Tags: [{ Key: 'team', Value: 'a' }],
        }),
      ),
    );
    expect(tags).toBeInstanceOf(WAFInvalidParameterException);
    expect({ ...tags }).toMatchObject({ Field: 'TAGS', Parameter: 'Tags' });
  });
});

describe('UpdateIPSet', () => {
  it('replaces the addresses and description with the current LockToken, issuing a new one each time', async () => {
    const set = await createIpSet(waf.DEVELOPER, uniqueName('upd'));
    await waf.DEVELOPER.send(
      new UpdateIPSetCommand({
        Name: set.name,
        Scope: 'REGIONAL',
        Id: set.id,
        Description: 'first',
        Addresses: ['203.0.113.0/24'],
        LockToken: set.lockToken,
      }),
    );
    const got = await waf.DEVELOPER.send(new GetIPSetCommand({ Name: set.name, Scope: 'REGIONAL', Id: set.id }));
    expect(got.IPSet).toMatchObject({ Description: 'first', Addresses: ['203.0.113.0/24'] });
    expect(got.LockToken).not.toBe(set.lockToken);

    // the token used is stale now: nothing changes
    const stale = await wafFailure(
      waf.DEVELOPER.send(
        new UpdateIPSetCommand({
          Name: set.name,
          Scope: 'REGIONAL',
          Id: set.id,
          Addresses: [],
          LockToken: set.lockToken,
        }),
      ),
    );
    expect(stale).toBeInstanceOf(WAFOptimisticLockException);
    expect(stale.message).toBe(STALE);

    // the current one works, and an absent Description clears it (an update replaces every setting)
    const next = await waf.DEVELOPER.send(
      new UpdateIPSetCommand({
        Name: set.name,
        Scope: 'REGIONAL',
        Id: set.id,
        Addresses: ['198.51.100.0/24'],
        LockToken: got.LockToken,
      }),
    );
    expect(next.NextLockToken).toMatch(UUID);
    expect(next.NextLockToken).not.toBe(got.LockToken);
    const after = await waf.DEVELOPER.send(new GetIPSetCommand({ Name: set.name, Scope: 'REGIONAL', Id: set.id }));
    expect(after.LockToken).toBe(next.NextLockToken);
    expect(after.IPSet?.Description).toBeUndefined();
    expect(after.IPSet?.Addresses).toEqual(['198.51.100.0/24']);

    const bad = await wafFailure(
      waf.DEVELOPER.send(
        new UpdateIPSetCommand({
          Name: set.name,
          Scope: 'REGIONAL',
          Id: set.id,
          Addresses: ['2001:db8::/32'],
          LockToken: after.LockToken,
        }),
      ),
    );
    expect(bad).toBeInstanceOf(WAFInvalidParameterException);
  });
});

describe('DeleteIPSet and unknown sets', () => {
  it('deletes with the current LockToken only; an unknown id or another name is WAFNonexistentItemException', async () => {
    const set = await createIpSet(waf.DEVELOPER, uniqueName('del'));
    const stale = await wafFailure(
      waf.DEVELOPER.send(
        new DeleteIPSetCommand({
          Name: set.name,
          Scope: 'REGIONAL',
          Id: set.id,
          LockToken: '00000000-0000-4000-8000-000000000000',
        }),
      ),
    );
    expect(stale).toBeInstanceOf(WAFOptimisticLockException);

    const wrongName = await wafFailure(
      waf.DEVELOPER.send(new GetIPSetCommand({ Name: `${set.name}-other`, Scope: 'REGIONAL', Id: set.id })),
    );
    expect(wrongName).toBeInstanceOf(WAFNonexistentItemException);
    expect(wrongName.message).toBe(NONEXISTENT);

    await waf.DEVELOPER.send(
      new DeleteIPSetCommand({ Name: set.name, Scope: 'REGIONAL', Id: set.id, LockToken: set.lockToken }),
    );
    for (const call of [
      () => waf.DEVELOPER.send(new GetIPSetCommand({ Name: set.name, Scope: 'REGIONAL', Id: set.id })),
      () =>
        waf.DEVELOPER.send(
          new DeleteIPSetCommand({ Name: set.name, Scope: 'REGIONAL', Id: set.id, LockToken: set.lockToken }),
        ),
      () =>
        waf.DEVELOPER.send(
          new UpdateIPSetCommand({
            Name: set.name,
            Scope: 'REGIONAL',
            Id: set.id,
            Addresses: [],
            LockToken: set.lockToken,
          }),
        ),
    ]) {
      const error = await wafFailure(call());
      expect(error).toBeInstanceOf(WAFNonexistentItemException);
      expect(error.message).toBe(NONEXISTENT);
    }
    expect(await db().auditLog.count({ where: { action: 'delete-ip-set', targetId: set.id } })).toBe(1);

    expect(
      await sdkFailure(
        waf.DEVELOPER.send(
          new DeleteIPSetCommand({ Name: set.name, Scope: 'REGIONAL', Id: 'not-a-uuid', LockToken: 'x' }),
        ),
      ),
    ).toMatchObject({
      name: 'ValidationException',
      message: expect.stringMatching(/^2 validation errors detected: Value 'not-a-uuid' at 'id'/),
    });
  });
});

describe('ListIPSets', () => {
  it('pages with Limit and NextMarker, in name order, each summary with its LockToken', async () => {
    const prefix = uniqueName('page');
    const created = [];
    for (const suffix of ['a', 'b', 'c', 'd', 'e'])
      created.push(await createIpSet(waf.DEVELOPER, `${prefix}-${suffix}`));
    const seen: Array<{ Name?: string; LockToken?: string; ARN?: string; Id?: string }> = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const page = await waf.VIEWER.send(new ListIPSetsCommand({ Scope: 'REGIONAL', Limit: 2, NextMarker: marker }));
      expect(page.IPSets?.length).toBeLessThanOrEqual(2);
      seen.push(...(page.IPSets ?? []));
      marker = page.NextMarker;
      pages += 1;
    } while (marker && pages < 1000);
    const names = seen.map((s) => s.Name as string);
    expect(names).toEqual([...names].sort());
    expect(new Set(names).size).toBe(names.length);
    const mine = seen.filter((s) => s.Name?.startsWith(`${prefix}-`));
    expect(mine).toEqual(created.map((c) => ({ Name: c.name, Id: c.id, LockToken: c.lockToken, ARN: c.arn })));
    expect(await sdkFailure(waf.VIEWER.send(new ListIPSetsCommand({ Scope: 'REGIONAL', Limit: 101 })))).toEqual({
      name: 'ValidationException',
      message:
        "1 validation error detected: Value '101' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100",
      status: 400,
    });
  });
});

describe('roles', () => {
  it('lets a Viewer read IP sets and refuses every write', async () => {
    const set = await createIpSet(waf.DEVELOPER, uniqueName('viewer'));
    await waf.VIEWER.send(new GetIPSetCommand({ Name: set.name, Scope: 'REGIONAL', Id: set.id }));
    for (const call of [
      () => createIpSet(waf.VIEWER, uniqueName('viewer')),
      () =>
        waf.VIEWER.send(
          new UpdateIPSetCommand({
            Name: set.name,
            Scope: 'REGIONAL',
            Id: set.id,
            Addresses: [],
            LockToken: set.lockToken,
          }),
        ),
      () =>
        waf.VIEWER.send(
          new DeleteIPSetCommand({ Name: set.name, Scope: 'REGIONAL', Id: set.id, LockToken: set.lockToken }),
        ),
    ]) {
      expect(await sdkFailure(call())).toEqual({
        name: 'AccessDeniedException',
        message: expect.stringMatching(/^User viewer-.* \(VIEWER\) is not authorized to make changes$/),
        status: 403,
      });
    }
  });
});
