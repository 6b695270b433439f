// The ARNs WAF names things by: its own web ACLs and IP sets (`arn:aws:wafv2:{region}:{account}:regional/webacl/
// {name}/{id}`), and the resources a web ACL protects — in Portico, API Gateway stages
// (`arn:aws:apigateway:{region}::/restapis/{restApiId}/stages/{stageName}`). Pure: no database.
import { config } from '../../config';

export type WafEntity = 'webacl' | 'ipset';

export interface WafArn {
  region: string;
  account: string;
  /** `regional`, or `global` for CloudFront's scope */
  scope: 'regional' | 'global';
  entity: WafEntity;
  name: string;
  id: string;
}

export const wafArn = (entity: WafEntity, name: string, id: string): string =>
  `arn:aws:wafv2:${config.region}:${config.accountId}:regional/${entity}/${name}/${id}`;

export const webAclArn = (name: string, id: string) => wafArn('webacl', name, id);
export const ipSetArn = (name: string, id: string) => wafArn('ipset', name, id);

/** The prefix of the labels a web ACL's rules add (WebACL.LabelNamespace). */
export const labelNamespace = (name: string) => `awswaf:${config.accountId}:webacl:${name}:`;

const WAF_ARN = /^arn:aws:wafv2:([a-z0-9-]+):(\d{12}):(regional|global)\/(webacl|ipset)\/([\w-]{1,128})\/([^/]+)$/;

/** A WAF web ACL or IP set ARN, or null when the text is not one. */
export function parseWafArn(arn: string): WafArn | null {
  const m = WAF_ARN.exec(arn);
  if (!m) return null;
  const [, region, account, scope, entity, name, id] = m as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  return { region, account, scope: scope as WafArn['scope'], entity: entity as WafEntity, name, id };
}

/** Whether a parsed WAF ARN is of this Portico (its region and account), regional, and of the given kind. */
export const isLocalWafArn = (arn: WafArn, entity: WafEntity): boolean =>
  arn.entity === entity && arn.scope === 'regional' && arn.region === config.region && arn.account === config.accountId;

export const stageArn = (restApiId: string, stageName: string): string =>
  `arn:aws:apigateway:${config.region}::/restapis/${restApiId}/stages/${stageName}`;

/** Any ARN, as AWS shapes them: `arn:partition:service:region:account:resource`. */
const ANY_ARN = /^arn:(aws[a-z-]*):([a-z0-9-]+):([a-z0-9-]*):(\d{12})?:(.+)$/;

const STAGE_RESOURCE = /^\/restapis\/([a-z0-9]{1,64})\/stages\/([A-Za-z0-9_-]{1,128})$/;

/** Resources of other AWS services a regional web ACL can protect; Portico has none of them. */
const OTHER_ASSOCIABLE = new Map<string, RegExp>([
  ['elasticloadbalancing', /^loadbalancer\/app\/[^/]+\/[^/]+$/],
  ['appsync', /^apis\/[^/]+$/],
  ['cognito-idp', /^userpool\/[^/]+$/],
  ['apprunner', /^service\/[^/]+\/[^/]+$/],
  ['ec2', /^verified-access-instance\/[^/]+$/],
  ['amplify', /^apps\/[^/]+$/],
  ['bedrock-agentcore', /^gateway\/[^/]+$/],
]);

export type ProtectedResource =
  /** an API Gateway stage ARN (of this region or another) */
  | { kind: 'stage'; region: string; restApiId: string; stageName: string }
  /** a well-formed ARN of a resource type WAF protects that Portico does not have (a load balancer…) */
  | { kind: 'other' }
  /** not an ARN, or of a resource no web ACL can protect */
  | { kind: 'invalid' };

export function parseResourceArn(arn: string): ProtectedResource {
  const m = ANY_ARN.exec(arn);
  if (!m) return { kind: 'invalid' };
  const [, partition, service, region, account, resource] = m as unknown as [
    string,
    string,
    string,
    string,
    string | undefined,
    string,
  ];
  if (service === 'apigateway') {
    const stage = STAGE_RESOURCE.exec(resource);
    if (partition !== 'aws' || account !== undefined || !region || !stage) return { kind: 'invalid' };
    return { kind: 'stage', region, restApiId: stage[1] as string, stageName: stage[2] as string };
  }
  const shape = OTHER_ASSOCIABLE.get(service);
  if (!shape || !region || account === undefined || !shape.test(resource)) return { kind: 'invalid' };
  return { kind: 'other' };
}
