// Functions end to end in the real processes: the Lambda API of the running console server creates and invokes a
// function (run by the console's function runtime), and the running gateway serves it behind an AWS_PROXY method.
import {
  APIGatewayClient,
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  PutIntegrationCommand,
  PutMethodCommand,
} from '@aws-sdk/client-api-gateway';
import {
  CreateFunctionCommand,
  DeleteFunctionCommand,
  InvokeCommand,
  LambdaClient,
  ListFunctionsCommand,
} from '@aws-sdk/client-lambda';
import { expect, test } from '@playwright/test';
import { consoleUrl, E2E, gatewayUrl } from '../support/ports';

const credentials = { accessKeyId: E2E.accessKeyId, secretAccessKey: E2E.secretAccessKey };

test('a function made with the Lambda SDK runs on Invoke and behind an AWS_PROXY method of the gateway', async () => {
  const lambda = new LambdaClient({ endpoint: consoleUrl, region: 'us-east-1', credentials, maxAttempts: 1 });
  const apis = new APIGatewayClient({ endpoint: consoleUrl, region: 'us-east-1', credentials, maxAttempts: 1 });
  const functionName = `e2e-${Date.now().toString(36)}`;
  const created = await lambda.send(
    new CreateFunctionCommand({
      FunctionName: functionName,
      Runtime: 'nodejs20.x',
      Role: 'arn:aws:iam::123456789012:role/e2e',
      Handler: 'index.handler',
      Code: {
        ZipFile: new TextEncoder().encode(
          'exports.handler = async (event) => event.httpMethod ? { statusCode: 200, body: "proxied " + event.path } : { echo: event };',
        ),
      },
    }),
  );
  try {
    // ListFunctions is GET /2015-03-31/functions/ (a trailing slash): served as is, not redirected
    const listed = await lambda.send(new ListFunctionsCommand({}));
    expect(listed.Functions?.map((f) => f.FunctionName)).toContain(functionName);
    const invoked = await lambda.send(
      new InvokeCommand({ FunctionName: functionName, Payload: new TextEncoder().encode('{"a":1}') }),
    );
    expect(JSON.parse(new TextDecoder().decode(invoked.Payload))).toEqual({ echo: { a: 1 } });

    const api = await apis.send(new CreateRestApiCommand({ name: 'e2e functions' }));
    const resource = await apis.send(
      new CreateResourceCommand({ restApiId: api.id, parentId: api.rootResourceId, pathPart: '{proxy+}' }),
    );
    const method = { restApiId: api.id, resourceId: resource.id, httpMethod: 'ANY' };
    await apis.send(new PutMethodCommand({ ...method, authorizationType: 'NONE' }));
    await apis.send(
      new PutIntegrationCommand({
        ...method,
        type: 'AWS_PROXY',
        integrationHttpMethod: 'POST',
        uri: `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${created.FunctionArn}/invocations`,
      }),
    );
    await apis.send(new CreateDeploymentCommand({ restApiId: api.id, stageName: 'e2e' }));
    await expect
      .poll(async () => (await fetch(`${gatewayUrl}/${api.id}/e2e/hello/world`)).text(), { timeout: 10_000 })
      .toBe('proxied /hello/world');
  } finally {
    await lambda.send(new DeleteFunctionCommand({ FunctionName: functionName }));
  }
});
