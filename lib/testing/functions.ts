// Test helpers for the gateway's Lambda integrations and authorizers: a function made through the Lambda API from
// one source file (with its environment, and an alias on version 1 if asked), and the integration URI that names it.
// Functions made here are deleted when the test file ends (withTestFunctions in lambda-functions.ts).
import { CreateAliasCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { createFunction as createNamedFunction, source, uniqueName } from './lambda-functions';

/** API Gateway's integration URI for a function (or alias) ARN. */
export function invocationUri(functionArn: string): string {
  return `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${functionArn}/invocations`;
}

export async function createFunction(
  lambda: LambdaClient,
  code: string,
  options: { environment?: Record<string, string>; alias?: string } = {},
): Promise<{ functionName: string; functionArn: string }> {
  const functionName = uniqueName('fn');
  const created = await createNamedFunction(lambda, functionName, {
    Code: { ZipFile: source(code) },
    ...(options.environment && { Environment: { Variables: options.environment } }),
    Publish: options.alias !== undefined,
  });
  if (options.alias !== undefined) {
    await lambda.send(
      new CreateAliasCommand({ FunctionName: functionName, Name: options.alias, FunctionVersion: created.Version }),
    );
  }
  return { functionName, functionArn: created.FunctionArn as string };
}
