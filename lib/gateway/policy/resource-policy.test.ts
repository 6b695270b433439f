import { describe, expect, it } from 'vitest';
import { compileResourcePolicy, globMatch, methodArn, type PolicyRequest } from './resource-policy';

const API = { region: 'us-east-1', accountId: '123456789012', restApiId: 'abc123' };
const arn = (path: string, method = 'GET', stage = 'prod') => methodArn(API, stage, method, path);
const anonymous = (path = '/pets', sourceIp = '192.0.2.10'): PolicyRequest => ({ methodArn: arn(path), sourceIp });
const iam = (path = '/pets'): PolicyRequest => ({
  methodArn: arn(path),
  sourceIp: '192.0.2.10',
  principal: {
    accountId: '123456789012',
    userArn: 'arn:aws:iam::123456789012:user/ana@example.com',
    userId: 'u1',
    userName: 'ana@example.com',
  },
});
const policy = (...Statement: unknown[]) =>
  compileResourcePolicy(JSON.stringify({ Version: '2012-10-17', Statement }), API);
const allowAll = { Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*' };

describe('resource policies', () => {
  it('builds method ARNs as AWS does (the root ends in a slash)', () => {
    expect(arn('/pets/1')).toBe('arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/1');
    expect(arn('/')).toBe('arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/');
  });

  it('allows on a matching Allow, denies on any matching Deny, and is implicit otherwise', () => {
    expect(policy(allowAll).evaluate(anonymous())).toBe('allow');
    const denyPets = { ...allowAll, Effect: 'Deny', Resource: 'execute-api:/*/GET/pets' };
    expect(policy(allowAll, denyPets).evaluate(anonymous())).toBe('deny');
    expect(policy(allowAll, denyPets).evaluate(anonymous('/pets/1'))).toBe('allow');
    expect(policy({ ...allowAll, Resource: 'execute-api:/beta/*' }).evaluate(anonymous())).toBe('implicit');
  });

  it('matches full ARNs with * (across slashes) and ?, and actions case-insensitively', () => {
    const full = { ...allowAll, Action: 'EXECUTE-API:*', Resource: 'arn:aws:execute-api:*:*:abc123/pro?/*/pets*' };
    expect(policy(full).evaluate(anonymous('/pets/1/toys'))).toBe('allow');
    expect(policy(full).evaluate(anonymous('/owners'))).toBe('implicit');
    expect(policy({ ...allowAll, Action: 's3:GetObject' }).evaluate(anonymous())).toBe('implicit');
    expect(policy({ ...allowAll, Action: undefined, NotAction: 's3:*' }).evaluate(anonymous())).toBe('allow');
  });

  it('restricts by source address (IpAddress / NotIpAddress, v4 and v6)', () => {
    const office = { ...allowAll, Condition: { IpAddress: { 'aws:SourceIp': ['192.0.2.0/24', '2001:db8::/32'] } } };
    expect(policy(office).evaluate(anonymous('/pets', '192.0.2.77'))).toBe('allow');
    expect(policy(office).evaluate(anonymous('/pets', '198.51.100.1'))).toBe('implicit');
    expect(policy(office).evaluate(anonymous('/pets', '2001:db8::1'))).toBe('allow');
    const blocked = { ...allowAll, Effect: 'Deny', Condition: { NotIpAddress: { 'aws:SourceIp': '192.0.2.0/24' } } };
    expect(policy(allowAll, blocked).evaluate(anonymous('/pets', '198.51.100.1'))).toBe('deny');
    expect(policy(allowAll, blocked).evaluate(anonymous('/pets', '192.0.2.1'))).toBe('allow');
  });

  it('treats absent keys as IAM does: negated operators and …IfExists hold, the others do not', () => {
    // The private-API pattern: deny unless the call came through a VPC endpoint — there is none here, so all denied.
    const vpceOnly = { ...allowAll, Effect: 'Deny', Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1' } } };
    expect(policy(allowAll, vpceOnly).evaluate(anonymous())).toBe('deny');
    const fromVpc = { ...allowAll, Condition: { StringEquals: { 'aws:SourceVpc': 'vpc-1' } } };
    expect(policy(fromVpc).evaluate(anonymous())).toBe('implicit');
    const ifExists = { ...allowAll, Condition: { StringEqualsIfExists: { 'aws:SourceVpc': 'vpc-1' } } };
    expect(policy(ifExists).evaluate(anonymous())).toBe('allow');
    const isNull = { ...allowAll, Condition: { Null: { 'aws:PrincipalArn': 'true' } } };
    expect(policy(isNull).evaluate(anonymous())).toBe('allow');
    expect(policy(isNull).evaluate(iam())).toBe('implicit');
  });

  it('matches AWS principals: any, the account (id or root) or the user ARN; never anonymous callers', () => {
    for (const AWS of [
      '*',
      '123456789012',
      'arn:aws:iam::123456789012:root',
      'arn:aws:iam::123456789012:user/ana@example.com',
    ]) {
      expect(policy({ ...allowAll, Principal: { AWS } }).evaluate(iam())).toBe('allow');
    }
    expect(policy({ ...allowAll, Principal: { AWS: '123456789012' } }).evaluate(anonymous())).toBe('implicit');
    expect(policy({ ...allowAll, Principal: { AWS: 'arn:aws:iam::999999999999:root' } }).evaluate(iam())).toBe(
      'implicit',
    );
    expect(policy({ ...allowAll, Principal: { Service: 'lambda.amazonaws.com' } }).evaluate(iam())).toBe('implicit');
    const user = { ...allowAll, Condition: { StringLike: { 'aws:username': '*@example.com' } } };
    expect(policy(user).evaluate(iam())).toBe('allow');
  });

  it('fails closed on what it cannot read: an unreadable Allow does not allow, an unreadable Deny denies', () => {
    const odd = { Condition: { DateGreaterThan: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' } } };
    expect(policy({ ...allowAll, ...odd }).evaluate(anonymous())).toBe('implicit');
    expect(policy(allowAll, { ...allowAll, Effect: 'Deny', ...odd }).evaluate(anonymous())).toBe('deny');
    expect(policy(allowAll, { ...allowAll, Effect: 'Deny', NotPrincipal: { AWS: '1' } }).evaluate(anonymous())).toBe(
      'deny',
    );
    expect(compileResourcePolicy('{not json', API).evaluate(anonymous())).toBe('deny');
  });

  it('matches IAM wildcards without backtracking blow-ups', () => {
    expect(globMatch('a*c', 'abbbc')).toBe(true);
    expect(globMatch('a?c', 'abc')).toBe(true);
    expect(globMatch('a?c', 'abbc')).toBe(false);
    expect(globMatch('*', '')).toBe(true);
    expect(globMatch('', 'x')).toBe(false);
    expect(globMatch('EXECUTE-API:*', 'execute-api:Invoke', true)).toBe(true);
    expect(globMatch('arn:*/GET/*', 'arn:x/prod/GET/pets/1')).toBe(true);
    // A pattern a backtracking regular expression would not finish in the test's time limit.
    expect(globMatch(`${'*a'.repeat(30)}*b`, 'a'.repeat(2000))).toBe(false);
  });
});
