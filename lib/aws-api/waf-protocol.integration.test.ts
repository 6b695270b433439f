// WAF's awsJson1_1 protocol at /wafv2, below the SDK: SigV4 for service `wafv2`, X-Amz-Target dispatch, JSON errors
// with `__type` (what the SDKs read), and console-session callers on the console's own origin only.
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import { createTestActor } from '../testing/actors';
import { type Credentials, withManagementApi } from '../testing/management-api';
import { handleWafRequest } from './waf-protocol';

const { api } = withManagementApi([] as const);

async function post(
  target: string | undefined,
  body: string,
  options: { credentials?: Credentials; service?: string } = {},
): Promise<{ status: number; headers: Headers; json: Record<string, unknown> }> {
  const url = new URL(`${api().endpoint}/wafv2/`);
  let headers: Record<string, string> = {
    host: url.host,
    'content-type': 'application/x-amz-json-1.1',
    ...(target && { 'x-amz-target': target }),
  };
  if (options.credentials) {
    const signer = new SignatureV4({
      credentials: options.credentials,
      region: 'us-east-1',
      service: options.service ?? 'wafv2',
      sha256: Hash.bind(null, 'sha256'),
    });
    const signed = await signer.sign(
      new HttpRequest({
        method: 'POST',
        hostname: url.hostname,
        port: Number(url.port),
        path: url.pathname,
        headers,
        body,
      }),
    );
    headers = signed.headers as Record<string, string>;
  }
  const response = await fetch(url, { method: 'POST', headers, body });
  return {
    status: response.status,
    headers: response.headers,
    json: (await response.json()) as Record<string, unknown>,
  };
}

describe('the /wafv2 endpoint', () => {
  it('refuses an unsigned request with AWS’s MissingAuthenticationTokenException, in JSON', async () => {
    const response = await post('AWSWAF_20190729.ListIPSets', '{"Scope":"REGIONAL"}');
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.json).toEqual({
      __type: 'MissingAuthenticationTokenException',
      message: 'Missing Authentication Token',
    });
  });

  it('takes signatures for service wafv2 only', async () => {
    const { credentials } = await api().client('DEVELOPER');
    const wrong = await post('AWSWAF_20190729.ListIPSets', '{"Scope":"REGIONAL"}', {
      credentials,
      service: 'apigateway',
    });
    expect(wrong.status).toBe(403);
    expect(wrong.json).toEqual({
      __type: 'InvalidSignatureException',
      message: "Credential should be scoped to correct service: 'wafv2'. ",
    });
    const right = await post('AWSWAF_20190729.ListIPSets', '{"Scope":"REGIONAL","Limit":1}', { credentials });
    expect(right.status).toBe(200);
    expect(Array.isArray(right.json.IPSets)).toBe(true);
  });

  it('answers an operation it does not serve, a missing target and unreadable JSON with 400 and the error type', async () => {
    const { credentials } = await api().client('DEVELOPER');
    const unknown = await post('AWSWAF_20190729.CreateRuleGroup', '{}', { credentials });
    expect(unknown).toMatchObject({
      status: 400,
      json: {
        __type: 'UnknownOperationException',
        message: "Portico's WAF does not serve the operation AWSWAF_20190729.CreateRuleGroup",
      },
    });
    const missing = await post(undefined, '{}', { credentials });
    expect(missing).toMatchObject({ status: 400, json: { __type: 'UnknownOperationException' } });
    const garbled = await post('AWSWAF_20190729.ListIPSets', '{"Scope":', { credentials });
    expect(garbled).toMatchObject({
      status: 400,
      json: {
        __type: 'SerializationException',
        message: expect.stringMatching(/^Could not parse request body into json/),
      },
    });
    const wrongType = await post('AWSWAF_20190729.ListIPSets', '{"Scope":"REGIONAL","Limit":"ten"}', { credentials });
    expect(wrongType).toMatchObject({ status: 400, json: { __type: 'SerializationException' } });
  });

  it('puts WAF’s own exceptions’ message in Message, and WAFInvalidParameterException’s members beside message', async () => {
    const { credentials } = await api().client('DEVELOPER');
    const missing = await post(
      'AWSWAF_20190729.GetIPSet',
      '{"Name":"nope","Scope":"REGIONAL","Id":"00000000-0000-4000-8000-000000000000"}',
      { credentials },
    );
    expect(missing).toEqual({
      status: 400,
      headers: expect.any(Headers),
      json: {
        __type: 'WAFNonexistentItemException',
        Message: 'AWS WAF couldn’t perform the operation because your resource doesn’t exist.',
      },
    });
    const cloudfront = await post('AWSWAF_20190729.ListWebACLs', '{"Scope":"CLOUDFRONT"}', { credentials });
    expect(cloudfront.json).toEqual({
      __type: 'WAFInvalidParameterException',
      message: 'Error reason: The scope is not valid., field: SCOPE_VALUE, parameter: CLOUDFRONT',
      Field: 'SCOPE_VALUE',
      Parameter: 'CLOUDFRONT',
      Reason: 'The scope is not valid.',
    });
  });
});

describe('console sessions', () => {
  const request = (origin: string | undefined, target: string, body: string) =>
    new Request('http://console.test/wafv2/', {
      method: 'POST',
      headers: {
        host: 'console.test',
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': `AWSWAF_20190729.${target}`,
        ...(origin && { origin }),
      },
      body,
    });

  it('serves a signed-in user from the console’s own origin, as the other APIs do, and refuses other origins', async () => {
    const developer = await createTestActor('DEVELOPER');
    const session = { sessionActor: async () => developer };
    const ok = await handleWafRequest(request('http://console.test', 'ListWebACLs', '{"Scope":"REGIONAL"}'), session);
    expect(ok.status).toBe(200);
    for (const origin of ['http://evil.test', undefined]) {
      const refused = await handleWafRequest(request(origin, 'ListWebACLs', '{"Scope":"REGIONAL"}'), session);
      expect(refused.status).toBe(403);
      expect(await refused.json()).toEqual({ __type: 'AccessDeniedException', message: 'Cross-site request refused' });
    }
  });

  it('applies the session user’s role: a Viewer reads but cannot write', async () => {
    const viewer = await createTestActor('VIEWER');
    const session = { sessionActor: async () => viewer };
    const read = await handleWafRequest(request('http://console.test', 'ListIPSets', '{"Scope":"REGIONAL"}'), session);
    expect(read.status).toBe(200);
    const write = await handleWafRequest(
      request(
        'http://console.test',
        'CreateIPSet',
        '{"Name":"from-console","Scope":"REGIONAL","IPAddressVersion":"IPV4","Addresses":[]}',
      ),
      session,
    );
    expect(write.status).toBe(403);
    expect(await write.json()).toEqual({
      __type: 'AccessDeniedException',
      message: `User ${viewer.email} (VIEWER) is not authorized to make changes`,
    });
  });
});
