import { expect, test } from '@playwright/test';
import { gatewayUrl } from '../support/ports';

test('the gateway answers an undeployed path as AWS does: 403 Missing Authentication Token', async ({ request }) => {
  for (const url of [`${gatewayUrl}/abcdefghij/prod/pets`, `${gatewayUrl}/`]) {
    const res = await request.get(url);
    expect(res.status()).toBe(403);
    expect(res.headers()['x-amzn-errortype']).toBe('MissingAuthenticationTokenException');
    expect(res.headers()['x-amzn-requestid']).toBeTruthy();
    expect(res.headers()['x-amz-apigw-id']).toBeTruthy();
    expect(await res.json()).toEqual({ message: 'Missing Authentication Token' });
  }
});
