import { describe, expect, it } from 'vitest';
import { compileWebAcl } from '../../waf/compile-web-acl';
import type { GatewayError } from '../gateway-error';
import { createGatewayContext } from './gateway-context';
import { inspectWithWaf } from './waf-inspect';

const visibility = { SampledRequestsEnabled: false, CloudWatchMetricsEnabled: false, MetricName: 'm' };

function requestTo(url: string, rawHeaders: string[] = []) {
  const queryAt = url.indexOf('?');
  return createGatewayContext({
    requestId: 'r',
    apigwId: 'a',
    startedAt: 0,
    method: 'GET',
    url,
    path: queryAt === -1 ? url : url.slice(0, queryAt),
    rawQuery: queryAt === -1 ? '' : url.slice(queryAt + 1),
    rawHeaders,
    host: 'localhost',
    sourceIp: '127.0.0.1',
    body: Buffer.alloc(0),
  });
}

const blockingArgument = (search: Buffer) =>
  compileWebAcl(
    {
      arn: 'arn:acl',
      defaultAction: { Allow: {} },
      rules: [
        {
          Name: 'q',
          Priority: 0,
          Statement: {
            ByteMatchStatement: {
              SearchString: search.toString('base64'),
              FieldToMatch: { SingleQueryArgument: { Name: 'q' } },
              TextTransformations: [{ Priority: 0, Type: 'NONE' }],
              PositionalConstraint: 'CONTAINS',
            },
          },
          Action: { Block: {} },
          VisibilityConfig: visibility,
        },
      ],
      customResponseBodies: undefined,
    },
    new Map(),
  );

const verdict = (run: () => unknown) => {
  try {
    run();
    return 'allowed';
  } catch (error) {
    return (error as GatewayError).responseType;
  }
};

describe('the gateway’s WAF request', () => {
  it('compares query arguments as bytes, as WAF does (UTF-8 and invalid UTF-8 alike)', () => {
    const acl = blockingArgument(Buffer.from('ü'));
    expect(verdict(() => inspectWithWaf(requestTo('/prod/x?q=gr%C3%BCn'), acl))).toBe('WAF_FILTERED');
    expect(verdict(() => inspectWithWaf(requestTo('/prod/x?q=gruen'), acl))).toBe('allowed');
    const raw = blockingArgument(Buffer.from([0xff]));
    expect(verdict(() => inspectWithWaf(requestTo('/prod/x?q=a%FFb'), raw))).toBe('WAF_FILTERED');
  });

  it('sets what $context shows of the decision', () => {
    const ctx = requestTo('/prod/x?q=fine');
    inspectWithWaf(ctx, blockingArgument(Buffer.from('bad')));
    expect(ctx.waf).toEqual({ webAclArn: 'arn:acl', responseCode: 'WAF_ALLOW' });
  });
});
