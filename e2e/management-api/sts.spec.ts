// Temporary credentials from the running console server: STS GetSessionToken at /sts, then a management API call
// signed with them.
import { APIGatewayClient, GetRestApisCommand } from '@aws-sdk/client-api-gateway';
import { GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts';
import { expect, test } from '@playwright/test';
import { consoleUrl, E2E } from '../support/ports';

test('STS GetSessionToken at /sts issues credentials the management API accepts', async () => {
  const credentials = { accessKeyId: E2E.accessKeyId, secretAccessKey: E2E.secretAccessKey };
  const sts = new STSClient({ endpoint: `${consoleUrl}/sts`, region: 'us-east-1', credentials, maxAttempts: 1 });
  const issued = await sts.send(new GetSessionTokenCommand({ DurationSeconds: 900 }));
  expect(issued.Credentials?.AccessKeyId).toMatch(/^PSIA/);
  const temporary = new APIGatewayClient({
    endpoint: consoleUrl,
    region: 'us-east-1',
    credentials: {
      accessKeyId: issued.Credentials?.AccessKeyId as string,
      secretAccessKey: issued.Credentials?.SecretAccessKey as string,
      sessionToken: issued.Credentials?.SessionToken as string,
    },
    maxAttempts: 1,
  });
  expect((await temporary.send(new GetRestApisCommand({}))).items).toBeDefined();
});
