// AWS WAF in front of stages, over real HTTP: web ACLs and IP sets made with the real @aws-sdk/client-wafv2,
// associated with a stage of an API made with @aws-sdk/client-api-gateway, evaluated by a running gateway.
import { CreateDeploymentCommand, PutGatewayResponseCommand } from '@aws-sdk/client-api-gateway';
import {
  AssociateWebACLCommand,
  CreateIPSetCommand,
  CreateWebACLCommand,
  DisassociateWebACLCommand,
  GetIPSetCommand,
  type Rule,
  UpdateIPSetCommand,
  WAFV2Client,
} from '@aws-sdk/client-wafv2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../testing/eventually';
import { startTestGateway } from '../testing/gateway';
import { withManagementApi } from '../testing/management-api';
import { createMockApi } from '../testing/mock-api';
import type { RunningGateway } from './server';

const { api, clients } = withManagementApi(['DEVELOPER'] as const);
let gateway: RunningGateway;
let gatewayUrl = '';
let waf: WAFV2Client;

beforeAll(async () => {
  ({ gateway, url: gatewayUrl } = await startTestGateway());
  const { credentials } = await api().client('DEVELOPER');
  waf = new WAFV2Client({ endpoint: `${api().endpoint}/wafv2`, region: 'us-east-1', credentials });
});

afterAll(async () => {
  await gateway?.stop();
  waf?.destroy();
});

const visibility = { SampledRequestsEnabled: false, CloudWatchMetricsEnabled: false, MetricName: 'rule' };
const text = (value: string) => new TextEncoder().encode(value);

function headerRule(name: string, priority: number, header: string, value: string, action: Rule['Action']): Rule {
  return {
    Name: name,
    Priority: priority,
    Statement: {
      ByteMatchStatement: {
        SearchString: text(value),
        FieldToMatch: { SingleHeader: { Name: header } },
        TextTransformations: [{ Priority: 0, Type: 'LOWERCASE' }],
        PositionalConstraint: 'EXACTLY',
      },
    },
    Action: action,
    VisibilityConfig: visibility,
  };
}

/** A MOCK API whose GET /pets shows what WAF told API Gateway, deployed to `prod`. */
async function protectedApi(): Promise<{ restApiId: string; stageArn: string }> {
  const { restApiId } = await createMockApi(clients.DEVELOPER, [
    { name: 'pets', responseTemplate: '{"waf": "$!context.wafResponseCode", "acl": "$!context.webaclArn"}' },
  ]);
  return { restApiId, stageArn: `arn:aws:apigateway:us-east-1::/restapis/${restApiId}/stages/prod` };
}

async function answer(res: Response) {
  const body = await res.text();
  return { status: res.status, type: res.headers.get('x-amzn-errortype'), body };
}

describe('web ACLs on a stage', () => {
  it('block what a rule blocks (WAF_FILTERED, also on routes that do not exist), answer custom responses, and allow the rest', async () => {
    const { restApiId, stageArn } = await protectedApi();
    const created = await waf.send(
      new CreateWebACLCommand({
        Name: `shop-${restApiId}`,
        Scope: 'REGIONAL',
        DefaultAction: { Allow: {} },
        VisibilityConfig: visibility,
        Rules: [
          headerRule('attack', 0, 'X-Attack', 'yes', { Block: {} }),
          headerRule('closed', 1, 'X-Shop', 'closed', {
            Block: {
              CustomResponse: {
                ResponseCode: 429,
                CustomResponseBodyKey: 'closed',
                ResponseHeaders: [{ Name: 'reason', Value: 'closing-time' }],
              },
            },
          }),
        ],
        CustomResponseBodies: {
          closed: { ContentType: 'APPLICATION_JSON', Content: '{"error":"the shop is closed"}' },
        },
      }),
    );
    const aclArn = created.Summary?.ARN as string;
    await waf.send(new AssociateWebACLCommand({ WebACLArn: aclArn, ResourceArn: stageArn }));
    const url = `${gatewayUrl}/${restApiId}/prod`;

    const blocked = await eventually(
      () => fetch(`${url}/pets`, { headers: { 'X-Attack': 'YES' } }),
      (res) => res.status === 403,
    );
    expect(await answer(blocked)).toEqual({
      status: 403,
      type: 'ForbiddenException',
      body: '{"message":"Forbidden"}',
    });
    // WAF sees requests before API Gateway routes them
    expect(await answer(await fetch(`${url}/nowhere`, { headers: { 'X-Attack': 'yes' } }))).toMatchObject({
      status: 403,
      body: '{"message":"Forbidden"}',
    });

    const custom = await fetch(`${url}/pets`, { headers: { 'X-Shop': 'closed' } });
    expect(custom.status).toBe(429);
    expect(custom.headers.get('content-type')).toBe('application/json');
    expect(custom.headers.get('x-amzn-waf-reason')).toBe('closing-time');
    expect(custom.headers.get('x-amzn-requestid')).toBeTruthy();
    expect(await custom.json()).toEqual({ error: 'the shop is closed' });

    const allowed = await fetch(`${url}/pets`);
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toEqual({ waf: 'WAF_ALLOW', acl: aclArn });
  });

  it('answer WAF_FILTERED as the API customised it', async () => {
    const { restApiId, stageArn } = await protectedApi();
    await clients.DEVELOPER.send(
      new PutGatewayResponseCommand({
        restApiId,
        responseType: 'WAF_FILTERED',
        statusCode: '406',
        responseTemplates: { 'application/json': '{"blocked": true, "by": "$context.wafResponseCode"}' },
      }),
    );
    await clients.DEVELOPER.send(new CreateDeploymentCommand({ restApiId, stageName: 'prod' }));
    const created = await waf.send(
      new CreateWebACLCommand({
        Name: `custom-${restApiId}`,
        Scope: 'REGIONAL',
        DefaultAction: { Allow: {} },
        VisibilityConfig: visibility,
        Rules: [headerRule('attack', 0, 'X-Attack', 'yes', { Block: {} })],
      }),
    );
    await waf.send(new AssociateWebACLCommand({ WebACLArn: created.Summary?.ARN, ResourceArn: stageArn }));
    const res = await eventually(
      () => fetch(`${gatewayUrl}/${restApiId}/prod/pets`, { headers: { 'X-Attack': 'yes' } }),
      (r) => r.status === 406,
    );
    expect(await res.json()).toEqual({ blocked: true, by: 'WAF_BLOCK' });
  });

  it('apply IP set changes and disassociation to a running gateway within a second', async () => {
    const { restApiId, stageArn } = await protectedApi();
    const ipSet = await waf.send(
      new CreateIPSetCommand({
        Name: `office-${restApiId}`,
        Scope: 'REGIONAL',
        IPAddressVersion: 'IPV4',
        Addresses: ['198.51.100.0/24'],
      }),
    );
    const created = await waf.send(
      new CreateWebACLCommand({
        Name: `ips-${restApiId}`,
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
        ],
      }),
    );
    await waf.send(new AssociateWebACLCommand({ WebACLArn: created.Summary?.ARN, ResourceArn: stageArn }));
    const call = () => fetch(`${gatewayUrl}/${restApiId}/prod/pets`);
    await eventually(call, (r) => r.status === 200); // the caller (127.0.0.1) is not in the set

    const current = await waf.send(
      new GetIPSetCommand({ Name: ipSet.Summary?.Name, Scope: 'REGIONAL', Id: ipSet.Summary?.Id }),
    );
    await waf.send(
      new UpdateIPSetCommand({
        Name: ipSet.Summary?.Name,
        Scope: 'REGIONAL',
        Id: ipSet.Summary?.Id,
        Addresses: ['198.51.100.0/24', '127.0.0.1/32'],
        LockToken: current.LockToken,
      }),
    );
    const changedAt = Date.now();
    const blocked = await eventually(call, (r) => r.status === 403);
    expect(blocked.status).toBe(403);
    expect(Date.now() - changedAt).toBeLessThan(1000);

    await waf.send(new DisassociateWebACLCommand({ ResourceArn: stageArn }));
    const open = await eventually(call, (r) => r.status === 200);
    expect(await open.json()).toEqual({ waf: '', acl: '' }); // no web ACL: the variables are not set (quiet references)
  });
});
