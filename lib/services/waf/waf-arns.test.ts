import { describe, expect, it } from 'vitest';
import {
  ipSetArn,
  isLocalWafArn,
  labelNamespace,
  parseResourceArn,
  parseWafArn,
  stageArn,
  webAclArn,
} from './waf-arns';

const ID = '3a1c6a0e-1b2c-4d3e-8f40-5a6b7c8d9e0f';

describe('WAF ARNs', () => {
  it('names web ACLs and IP sets in the configured region and account, scope regional', () => {
    expect(webAclArn('main', ID)).toBe(`arn:aws:wafv2:us-east-1:123456789012:regional/webacl/main/${ID}`);
    expect(ipSetArn('office', ID)).toBe(`arn:aws:wafv2:us-east-1:123456789012:regional/ipset/office/${ID}`);
    expect(labelNamespace('main')).toBe('awswaf:123456789012:webacl:main:');
  });

  it('parses them back, telling local regional ones from others', () => {
    const parsed = parseWafArn(webAclArn('my_acl-1', ID));
    expect(parsed).toEqual({
      region: 'us-east-1',
      account: '123456789012',
      scope: 'regional',
      entity: 'webacl',
      name: 'my_acl-1',
      id: ID,
    });
    expect(parsed && isLocalWafArn(parsed, 'webacl')).toBe(true);
    expect(parsed && isLocalWafArn(parsed, 'ipset')).toBe(false);
    const global = parseWafArn(`arn:aws:wafv2:us-east-1:123456789012:global/webacl/cf/${ID}`);
    expect(global?.scope).toBe('global');
    expect(global && isLocalWafArn(global, 'webacl')).toBe(false);
    const elsewhere = parseWafArn(`arn:aws:wafv2:eu-west-1:123456789012:regional/ipset/x/${ID}`);
    expect(elsewhere && isLocalWafArn(elsewhere, 'ipset')).toBe(false);
    for (const bad of [
      `arn:aws:wafv2:us-east-1:123456789012:regional/rulegroup/x/${ID}`,
      `arn:aws:wafv2:us-east-1:12345:regional/webacl/x/${ID}`,
      `arn:aws:wafv2:us-east-1:123456789012:regional/webacl/has space/${ID}`,
      `arn:aws:wafv2:us-east-1:123456789012:regional/webacl/x/${ID}/extra`,
      'arn:aws:wafv2:us-east-1:123456789012:regional/webacl/x',
      'webacl',
    ]) {
      expect(parseWafArn(bad), bad).toBeNull();
    }
  });
});

describe('resource ARNs', () => {
  it('names and parses API Gateway stages', () => {
    expect(stageArn('a1b2c3d4e5', 'prod')).toBe('arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5/stages/prod');
    expect(parseResourceArn('arn:aws:apigateway:eu-west-1::/restapis/a1b2c3d4e5/stages/my_stage-2')).toEqual({
      kind: 'stage',
      region: 'eu-west-1',
      restApiId: 'a1b2c3d4e5',
      stageName: 'my_stage-2',
    });
  });

  it('tells other resources WAF protects from ARNs that are malformed or protect nothing', () => {
    for (const other of [
      'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/my-lb/50dc6c495c0c9188',
      'arn:aws:appsync:us-east-1:123456789012:apis/abcdefghijklmnop',
      'arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc',
      'arn:aws:apprunner:us-east-1:123456789012:service/svc/0123456789abcdef',
      'arn:aws:ec2:us-east-1:123456789012:verified-access-instance/vai-0123',
      'arn:aws:amplify:us-east-1:123456789012:apps/d1234',
    ]) {
      expect(parseResourceArn(other), other).toEqual({ kind: 'other' });
    }
    for (const bad of [
      'arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5',
      'arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5/stages/prod/extra',
      'arn:aws:apigateway:us-east-1:123456789012:/restapis/a1b2c3d4e5/stages/prod',
      'arn:aws:apigateway:::/restapis/a1b2c3d4e5/stages/prod',
      'arn:aws:s3:::bucket',
      'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/my-lb/50dc6c495c0c9188',
      'arn:aws:constructor:us-east-1:123456789012:x',
      'not an arn',
    ]) {
      expect(parseResourceArn(bad), bad).toEqual({ kind: 'invalid' });
    }
  });
});
