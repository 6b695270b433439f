// Test helpers for AWS WAFv2 through the real @aws-sdk/client-wafv2: unique names, IP sets and web ACLs created
// with WAF's shapes, the error a call failed with (its SDK class and members), and a deployed stage to protect.
import { type APIGatewayClient, CreateDeploymentCommand } from '@aws-sdk/client-api-gateway';
import {
  CreateIPSetCommand,
  CreateWebACLCommand,
  type CreateWebACLCommandInput,
  type IPAddressVersion,
  type Rule,
  type WAFV2Client,
  WAFV2ServiceException,
} from '@aws-sdk/client-wafv2';
import { config } from '../config';
import { seedDemoApi } from '../services/bootstrap/seed-demo-api';

let counter = 0;

/** A name no other test uses (WAF names: letters, digits, `-` and `_`). */
export function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}

export const visibility = (metric = 'metric') => ({
  SampledRequestsEnabled: false,
  CloudWatchMetricsEnabled: false,
  MetricName: metric,
});

export async function createIpSet(
  client: WAFV2Client,
  name: string,
  addresses: string[] = ['192.0.2.0/24'],
  version: IPAddressVersion = 'IPV4',
) {
  const { Summary } = await client.send(
    new CreateIPSetCommand({ Name: name, Scope: 'REGIONAL', IPAddressVersion: version, Addresses: addresses }),
  );
  if (!Summary?.ARN || !Summary.Id || !Summary.LockToken) throw new Error('CreateIPSet answered no summary');
  return { name, id: Summary.Id, arn: Summary.ARN, lockToken: Summary.LockToken };
}

/** A rule blocking the addresses of an IP set. */
export const ipSetRule = (name: string, priority: number, ipSetArn: string): Rule => ({
  Name: name,
  Priority: priority,
  Action: { Block: {} },
  Statement: { IPSetReferenceStatement: { ARN: ipSetArn } },
  VisibilityConfig: visibility(name),
});

export async function createWebAcl(
  client: WAFV2Client,
  name: string,
  rules: Rule[] = [],
  extra: Partial<CreateWebACLCommandInput> = {},
) {
  const { Summary } = await client.send(
    new CreateWebACLCommand({
      Name: name,
      Scope: 'REGIONAL',
      DefaultAction: { Allow: {} },
      Rules: rules,
      VisibilityConfig: visibility(name),
      ...extra,
    }),
  );
  if (!Summary?.ARN || !Summary.Id || !Summary.LockToken) throw new Error('CreateWebACL answered no summary');
  return { name, id: Summary.Id, arn: Summary.ARN, lockToken: Summary.LockToken };
}

/** The WAF exception a call failed with, as the SDK surfaces it (its class, message, members, HTTP status). */
export async function wafFailure(promise: Promise<unknown>): Promise<WAFV2ServiceException & Record<string, unknown>> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );
  if (!(error instanceof WAFV2ServiceException)) throw error;
  return error as WAFV2ServiceException & Record<string, unknown>;
}

/** The demo API deployed to a new stage: its ids and the stage's ARN, as WAF names it. */
export async function deployedStage(apigateway: APIGatewayClient, stageName = 'prod') {
  const restApiId = await seedDemoApi();
  await apigateway.send(new CreateDeploymentCommand({ restApiId, stageName }));
  return {
    restApiId,
    stageName,
    arn: `arn:aws:apigateway:${config.region}::/restapis/${restApiId}/stages/${stageName}`,
  };
}
