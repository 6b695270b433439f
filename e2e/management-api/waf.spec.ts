// Web ACLs end to end in the real processes: the WAFv2 API of the running console server (at /wafv2) protects a
// stage, and the running gateway blocks what the web ACL blocks.
import {
  APIGatewayClient,
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  DeleteRestApiCommand,
  PutIntegrationCommand,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand,
} from '@aws-sdk/client-api-gateway';
import {
  AssociateWebACLCommand,
  CreateIPSetCommand,
  CreateWebACLCommand,
  DeleteIPSetCommand,
  DeleteWebACLCommand,
  DisassociateWebACLCommand,
  GetWebACLCommand,
  ListIPSetsCommand,
  WAFV2Client,
} from '@aws-sdk/client-wafv2';
import { expect, test } from '@playwright/test';
import { consoleUrl, E2E, gatewayUrl } from '../support/ports';

const credentials = { accessKeyId: E2E.accessKeyId, secretAccessKey: E2E.secretAccessKey };
const visibility = { SampledRequestsEnabled: false, CloudWatchMetricsEnabled: false, MetricName: 'e2e' };

test('a web ACL made with the WAFv2 SDK blocks requests to a stage of the running gateway', async () => {
  const waf = new WAFV2Client({ endpoint: `${consoleUrl}/wafv2`, region: 'us-east-1', credentials, maxAttempts: 1 });
  const apis = new APIGatewayClient({ endpoint: consoleUrl, region: 'us-east-1', credentials, maxAttempts: 1 });
  const suffix = Date.now().toString(36);

  const api = await apis.send(new CreateRestApiCommand({ name: `e2e waf ${suffix}` }));
  const restApiId = api.id as string;
  const resource = await apis.send(
    new CreateResourceCommand({ restApiId, parentId: api.rootResourceId, pathPart: 'pets' }),
  );
  const method = { restApiId, resourceId: resource.id, httpMethod: 'GET' };
  await apis.send(new PutMethodCommand({ ...method, authorizationType: 'NONE' }));
  await apis.send(
    new PutIntegrationCommand({
      ...method,
      type: 'MOCK',
      requestTemplates: { 'application/json': '{"statusCode": 200}' },
    }),
  );
  await apis.send(new PutMethodResponseCommand({ ...method, statusCode: '200' }));
  await apis.send(
    new PutIntegrationResponseCommand({
      ...method,
      statusCode: '200',
      responseTemplates: { 'application/json': '{"pets": [], "waf": "$!context.wafResponseCode"}' },
    }),
  );
  await apis.send(new CreateDeploymentCommand({ restApiId, stageName: 'e2e' }));
  const url = `${gatewayUrl}/${restApiId}/e2e/pets`;
  await expect.poll(async () => (await fetch(url)).status, { timeout: 10_000 }).toBe(200);

  const ipSet = await waf.send(
    new CreateIPSetCommand({
      Name: `e2e-${suffix}`,
      Scope: 'REGIONAL',
      IPAddressVersion: 'IPV4',
      Addresses: ['192.0.2.0/24'],
    }),
  );
  expect((await waf.send(new ListIPSetsCommand({ Scope: 'REGIONAL' }))).IPSets?.map((s) => s.Id)).toContain(
    ipSet.Summary?.Id,
  );
  const acl = await waf.send(
    new CreateWebACLCommand({
      Name: `e2e-${suffix}`,
      Scope: 'REGIONAL',
      DefaultAction: { Allow: {} },
      VisibilityConfig: visibility,
      Rules: [
        {
          Name: 'blocked-addresses',
          Priority: 0,
          Statement: { IPSetReferenceStatement: { ARN: ipSet.Summary?.ARN } },
          Action: { Block: {} },
          VisibilityConfig: visibility,
        },
        {
          Name: 'no-scanners',
          Priority: 1,
          Statement: {
            ByteMatchStatement: {
              SearchString: new TextEncoder().encode('scanner'),
              FieldToMatch: { SingleHeader: { Name: 'user-agent' } },
              TextTransformations: [{ Priority: 0, Type: 'LOWERCASE' }],
              PositionalConstraint: 'CONTAINS',
            },
          },
          Action: { Block: {} },
          VisibilityConfig: visibility,
        },
      ],
    }),
  );
  const stageArn = `arn:aws:apigateway:us-east-1::/restapis/${restApiId}/stages/e2e`;
  await waf.send(new AssociateWebACLCommand({ WebACLArn: acl.Summary?.ARN, ResourceArn: stageArn }));
  try {
    await expect
      .poll(async () => (await fetch(url, { headers: { 'User-Agent': 'Evil-Scanner/1.0' } })).status, {
        timeout: 10_000,
      })
      .toBe(403);
    const blocked = await fetch(url, { headers: { 'User-Agent': 'Evil-Scanner/1.0' } });
    expect(blocked.headers.get('x-amzn-errortype')).toBe('ForbiddenException');
    expect(await blocked.json()).toEqual({ message: 'Forbidden' });
    const allowed = await fetch(url, { headers: { 'User-Agent': 'e2e' } });
    expect(await allowed.json()).toEqual({ pets: [], waf: 'WAF_ALLOW' });
  } finally {
    await waf.send(new DisassociateWebACLCommand({ ResourceArn: stageArn }));
    const current = await waf.send(
      new GetWebACLCommand({ Name: `e2e-${suffix}`, Scope: 'REGIONAL', Id: acl.Summary?.Id }),
    );
    await waf.send(
      new DeleteWebACLCommand({
        Name: `e2e-${suffix}`,
        Scope: 'REGIONAL',
        Id: acl.Summary?.Id,
        LockToken: current.LockToken,
      }),
    );
    await waf.send(
      new DeleteIPSetCommand({
        Name: `e2e-${suffix}`,
        Scope: 'REGIONAL',
        Id: ipSet.Summary?.Id,
        LockToken: ipSet.Summary?.LockToken,
      }),
    );
    await apis.send(new DeleteRestApiCommand({ restApiId }));
  }
});
