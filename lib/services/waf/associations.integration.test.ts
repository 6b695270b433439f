// Web ACLs protecting API Gateway stages, through the real @aws-sdk/client-wafv2 and client-api-gateway over HTTP:
// AssociateWebACL (one web ACL a stage; associating again replaces), GetWebACLForResource, ListResourcesForWebACL,
// DisassociateWebACL, GetStage's webAclArn, the association removed with its stage or API in the same transaction,
// WAF's errors for ARNs that are malformed or name nothing, and a Viewer refused.
import {
  CreateDeploymentCommand,
  DeleteRestApiCommand,
  DeleteStageCommand,
  GetStageCommand,
  GetStagesCommand,
} from '@aws-sdk/client-api-gateway';
import {
  AssociateWebACLCommand,
  DeleteWebACLCommand,
  DisassociateWebACLCommand,
  GetWebACLForResourceCommand,
  ListResourcesForWebACLCommand,
  WAFAssociatedItemException,
  WAFInvalidParameterException,
  WAFNonexistentItemException,
} from '@aws-sdk/client-wafv2';
import { describe, expect, it } from 'vitest';
import { db } from '../../db/client';
import { notificationsDuring } from '../../testing/lambda-functions';
import { sdkFailure, withManagementApi } from '../../testing/management-api';
import { createWebAcl, deployedStage, uniqueName, wafFailure } from '../../testing/waf';

const { clients, waf } = withManagementApi(['DEVELOPER', 'VIEWER'] as const);
const ARN_NOT_VALID =
  "The ARN isn't valid. A valid ARN begins with arn: and includes other information separated by colons or slashes.";

describe('AssociateWebACL and the stage it protects', () => {
  it('associates, answers the web ACL for the stage, lists the stage, and shows it in GetStage', async () => {
    const stage = await deployedStage(clients.DEVELOPER);
    const acl = await createWebAcl(waf.DEVELOPER, uniqueName('protect'));
    const heard = await notificationsDuring(() =>
      waf.DEVELOPER.send(new AssociateWebACLCommand({ WebACLArn: acl.arn, ResourceArn: stage.arn })),
    );
    expect(heard).toContainEqual({ kind: 'waf' });

    const forResource = await waf.VIEWER.send(new GetWebACLForResourceCommand({ ResourceArn: stage.arn }));
    expect(forResource.WebACL).toMatchObject({
      Name: acl.name,
      Id: acl.id,
      ARN: acl.arn,
      DefaultAction: { Allow: {} },
    });
    expect(
      (await waf.VIEWER.send(new ListResourcesForWebACLCommand({ WebACLArn: acl.arn, ResourceType: 'API_GATEWAY' })))
        .ResourceArns,
    ).toEqual([stage.arn]);
    // without a ResourceType WAF lists load balancers, of which Portico has none
    expect((await waf.VIEWER.send(new ListResourcesForWebACLCommand({ WebACLArn: acl.arn }))).ResourceArns).toEqual([]);

    const got = await clients.VIEWER.send(
      new GetStageCommand({ restApiId: stage.restApiId, stageName: stage.stageName }),
    );
    expect(got.webAclArn).toBe(acl.arn);
    const listed = await clients.VIEWER.send(new GetStagesCommand({ restApiId: stage.restApiId }));
    expect(listed.item?.find((s) => s.stageName === stage.stageName)?.webAclArn).toBe(acl.arn);
    expect(
      await db().auditLog.findFirst({ where: { action: 'associate-web-acl', targetId: stage.arn } }),
    ).toMatchObject({ after: { ResourceArn: stage.arn, WebACLArn: acl.arn } });
  });

  it('replaces the web ACL of a stage when another is associated, and keeps an associated web ACL', async () => {
    const stage = await deployedStage(clients.DEVELOPER);
    const first = await createWebAcl(waf.DEVELOPER, uniqueName('first'));
    const second = await createWebAcl(waf.DEVELOPER, uniqueName('second'));
    await waf.DEVELOPER.send(new AssociateWebACLCommand({ WebACLArn: first.arn, ResourceArn: stage.arn }));
    await waf.DEVELOPER.send(new AssociateWebACLCommand({ WebACLArn: second.arn, ResourceArn: stage.arn }));
    expect((await waf.DEVELOPER.send(new GetWebACLForResourceCommand({ ResourceArn: stage.arn }))).WebACL?.Id).toBe(
      second.id,
    );
    const list = (arn: string) =>
      waf.DEVELOPER.send(new ListResourcesForWebACLCommand({ WebACLArn: arn, ResourceType: 'API_GATEWAY' }));
    expect((await list(first.arn)).ResourceArns).toEqual([]);
    expect((await list(second.arn)).ResourceArns).toEqual([stage.arn]);
    expect(
      (await clients.DEVELOPER.send(new GetStageCommand({ restApiId: stage.restApiId, stageName: stage.stageName })))
        .webAclArn,
    ).toBe(second.arn);

    const inUse = await wafFailure(
      waf.DEVELOPER.send(
        new DeleteWebACLCommand({ Name: second.name, Scope: 'REGIONAL', Id: second.id, LockToken: second.lockToken }),
      ),
    );
    expect(inUse).toBeInstanceOf(WAFAssociatedItemException);
    expect(inUse.message).toBe(
      'AWS WAF couldn’t perform the operation because your resource is being used by another resource or it’s associated with another resource.',
    );
    // the one no longer associated goes
    await waf.DEVELOPER.send(
      new DeleteWebACLCommand({ Name: first.name, Scope: 'REGIONAL', Id: first.id, LockToken: first.lockToken }),
    );
  });

  it('disassociates (twice is fine), after which the stage has no web ACL and the web ACL can be deleted', async () => {
    const stage = await deployedStage(clients.DEVELOPER);
    const acl = await createWebAcl(waf.DEVELOPER, uniqueName('dis'));
    await waf.DEVELOPER.send(new AssociateWebACLCommand({ WebACLArn: acl.arn, ResourceArn: stage.arn }));
    await waf.DEVELOPER.send(new DisassociateWebACLCommand({ ResourceArn: stage.arn }));
    await waf.DEVELOPER.send(new DisassociateWebACLCommand({ ResourceArn: stage.arn }));
    const forResource = await waf.DEVELOPER.send(new GetWebACLForResourceCommand({ ResourceArn: stage.arn }));
    expect(forResource.WebACL).toBeUndefined();
    const got = await clients.DEVELOPER.send(
      new GetStageCommand({ restApiId: stage.restApiId, stageName: stage.stageName }),
    );
    expect(got.webAclArn).toBeUndefined();
    expect(await db().auditLog.count({ where: { action: 'disassociate-web-acl', targetId: stage.arn } })).toBe(1);
    await waf.DEVELOPER.send(
      new DeleteWebACLCommand({ Name: acl.name, Scope: 'REGIONAL', Id: acl.id, LockToken: acl.lockToken }),
    );
  });
});

describe('ARNs that are malformed or name nothing', () => {
  it('answers WAFInvalidParameterException for a malformed ARN and WAFNonexistentItemException for a missing resource', async () => {
    const stage = await deployedStage(clients.DEVELOPER);
    const acl = await createWebAcl(waf.DEVELOPER, uniqueName('arns'));
    const associate = (WebACLArn: string, ResourceArn: string) =>
      waf.DEVELOPER.send(new AssociateWebACLCommand({ WebACLArn, ResourceArn }));

    for (const resourceArn of [
      'arn:aws:apigateway:us-east-1::/restapis/abc', // an API, not a stage
      `arn:aws:apigateway:us-east-1:123456789012:/restapis/${stage.restApiId}/stages/prod`, // API Gateway ARNs have no account
      'arn:aws:s3:::my-bucket-for-things', // nothing a web ACL protects
      'this is not an ARN at all',
    ]) {
      const error = await wafFailure(associate(acl.arn, resourceArn));
      expect(error, resourceArn).toBeInstanceOf(WAFInvalidParameterException);
      expect({ ...error }).toMatchObject({ Field: 'RESOURCE_ARN', Parameter: resourceArn, Reason: ARN_NOT_VALID });
      expect(error.message).toBe(`Error reason: ${ARN_NOT_VALID}, field: RESOURCE_ARN, parameter: ${resourceArn}`);
    }
    for (const resourceArn of [
      `arn:aws:apigateway:us-east-1::/restapis/${stage.restApiId}/stages/nosuchstage`,
      'arn:aws:apigateway:us-east-1::/restapis/zzzzzzzzzz/stages/prod',
      `arn:aws:apigateway:eu-west-1::/restapis/${stage.restApiId}/stages/prod`, // another region's
      'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/my-lb/50dc6c495c0c9188', // Portico has none
    ]) {
      const error = await wafFailure(associate(acl.arn, resourceArn));
      expect(error, resourceArn).toBeInstanceOf(WAFNonexistentItemException);
      expect(error.message).toBe('AWS WAF couldn’t perform the operation because your resource doesn’t exist.');
      expect(
        await wafFailure(waf.DEVELOPER.send(new GetWebACLForResourceCommand({ ResourceArn: resourceArn }))),
      ).toBeInstanceOf(WAFNonexistentItemException);
      expect(
        await wafFailure(waf.DEVELOPER.send(new DisassociateWebACLCommand({ ResourceArn: resourceArn }))),
      ).toBeInstanceOf(WAFNonexistentItemException);
    }
    // the web ACL's ARN: malformed or CloudFront's, or naming nothing
    const global = acl.arn.replace(':regional/', ':global/');
    const globalError = await wafFailure(associate(global, stage.arn));
    expect(globalError).toBeInstanceOf(WAFInvalidParameterException);
    expect({ ...globalError }).toMatchObject({ Field: 'RESOURCE_ARN', Parameter: global });
    for (const webAclArn of [
      acl.arn.replace(acl.id, '00000000-0000-4000-8000-000000000000'),
      acl.arn.replace(`/webacl/${acl.name}/`, `/webacl/${acl.name}x/`),
      acl.arn.replace('123456789012', '210987654321'),
    ]) {
      expect(await wafFailure(associate(webAclArn, stage.arn)), webAclArn).toBeInstanceOf(WAFNonexistentItemException);
      expect(
        await wafFailure(
          waf.DEVELOPER.send(new ListResourcesForWebACLCommand({ WebACLArn: webAclArn, ResourceType: 'API_GATEWAY' })),
        ),
      ).toBeInstanceOf(WAFNonexistentItemException);
    }
    expect(await db().webAclAssociation.count({ where: { webAclId: acl.id } })).toBe(0);
    expect(
      await sdkFailure(
        waf.DEVELOPER.send(new AssociateWebACLCommand({ WebACLArn: acl.arn, ResourceArn: 'arn:short' })),
      ),
    ).toEqual({
      name: 'ValidationException',
      message:
        "1 validation error detected: Value 'arn:short' at 'resourceArn' failed to satisfy constraint: Member must have length greater than or equal to 20",
      status: 400,
    });
  });
});

describe('deleting what a web ACL protects', () => {
  it('removes the association with the stage, in DeleteStage’s transaction', async () => {
    const stage = await deployedStage(clients.DEVELOPER);
    const acl = await createWebAcl(waf.DEVELOPER, uniqueName('stage-gone'));
    await waf.DEVELOPER.send(new AssociateWebACLCommand({ WebACLArn: acl.arn, ResourceArn: stage.arn }));
    const heard = await notificationsDuring(() =>
      clients.DEVELOPER.send(new DeleteStageCommand({ restApiId: stage.restApiId, stageName: stage.stageName })),
    );
    expect(heard).toContainEqual({ kind: 'waf' });
    expect(await db().webAclAssociation.count({ where: { resourceArn: stage.arn } })).toBe(0);
    expect(
      (await waf.DEVELOPER.send(new ListResourcesForWebACLCommand({ WebACLArn: acl.arn, ResourceType: 'API_GATEWAY' })))
        .ResourceArns,
    ).toEqual([]);
    await waf.DEVELOPER.send(
      new DeleteWebACLCommand({ Name: acl.name, Scope: 'REGIONAL', Id: acl.id, LockToken: acl.lockToken }),
    );
  });

  it('removes the associations of every stage of an API, in DeleteRestApi’s transaction', async () => {
    const prod = await deployedStage(clients.DEVELOPER, 'prod');
    await clients.DEVELOPER.send(new CreateDeploymentCommand({ restApiId: prod.restApiId, stageName: 'beta' }));
    const beta = prod.arn.replace('/stages/prod', '/stages/beta');
    const otherApi = await deployedStage(clients.DEVELOPER, 'prod');
    const acl = await createWebAcl(waf.DEVELOPER, uniqueName('api-gone'));
    for (const arn of [prod.arn, beta, otherApi.arn]) {
      await waf.DEVELOPER.send(new AssociateWebACLCommand({ WebACLArn: acl.arn, ResourceArn: arn }));
    }
    await clients.DEVELOPER.send(new DeleteRestApiCommand({ restApiId: prod.restApiId }));
    expect(
      (await waf.DEVELOPER.send(new ListResourcesForWebACLCommand({ WebACLArn: acl.arn, ResourceType: 'API_GATEWAY' })))
        .ResourceArns,
    ).toEqual([otherApi.arn]);
    expect(
      await db().auditLog.count({ where: { action: 'disassociate-web-acl', targetId: { in: [prod.arn, beta] } } }),
    ).toBe(2);
  });
});

describe('roles', () => {
  it('lets a Viewer read associations and refuses associating and disassociating', async () => {
    const stage = await deployedStage(clients.DEVELOPER);
    const acl = await createWebAcl(waf.DEVELOPER, uniqueName('viewer'));
    for (const call of [
      () => waf.VIEWER.send(new AssociateWebACLCommand({ WebACLArn: acl.arn, ResourceArn: stage.arn })),
      () => waf.VIEWER.send(new DisassociateWebACLCommand({ ResourceArn: stage.arn })),
    ]) {
      expect(await sdkFailure(call())).toMatchObject({ name: 'AccessDeniedException', status: 403 });
    }
    expect((await waf.VIEWER.send(new GetWebACLForResourceCommand({ ResourceArn: stage.arn }))).WebACL).toBeUndefined();
  });
});
