// `npx portico <command>`: the common management flows from a terminal, through the AWS SDK against the management
// API (so it works the same against any Portico, local or remote).
//
//   portico apis                              list REST APIs
//   portico import <file> [--fail-on-warnings] import an OpenAPI/Swagger definition as a new API
//   portico deploy <apiId> <stage> [-d text]  deploy the API's current definition to a stage
//   portico url <apiId> <stage>               show the stage's invoke URLs
//
// Gateway URL for printed invoke URLs: PORTICO_GATEWAY_URL (default http://localhost:$PORTICO_GATEWAY_PORT or :8080).
// Endpoint: PORTICO_ENDPOINT (default http://localhost:$PORTICO_CONSOLE_PORT or :3000). Credentials: AWS_ACCESS_KEY_ID /
// AWS_SECRET_ACCESS_KEY, or PORTICO_ACCESS_KEY_ID / PORTICO_SECRET_ACCESS_KEY.
import fs from 'node:fs';
import {
  APIGatewayClient,
  CreateDeploymentCommand,
  GetRestApisCommand,
  GetStageCommand,
  ImportRestApiCommand,
} from '@aws-sdk/client-api-gateway';
import { invokeUrls } from '../lib/cli/invoke-urls';

const USAGE = `usage:
  portico apis
  portico import <file> [--fail-on-warnings]
  portico deploy <apiId> <stage> [-d <description>]
  portico url <apiId> <stage>`;

function client(): APIGatewayClient {
  const accessKeyId = process.env.AWS_ACCESS_KEY_ID || process.env.PORTICO_ACCESS_KEY_ID;
  const secretAccessKey = process.env.AWS_SECRET_ACCESS_KEY || process.env.PORTICO_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) {
    throw new Error(
      'No credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (an access key from the console: Settings → Your access keys)',
    );
  }
  const endpoint = process.env.PORTICO_ENDPOINT || `http://localhost:${process.env.PORTICO_CONSOLE_PORT || 3000}`;
  return new APIGatewayClient({
    endpoint,
    region: process.env.PORTICO_REGION || process.env.AWS_REGION || 'us-east-1',
    credentials: { accessKeyId, secretAccessKey },
    maxAttempts: 1,
  });
}

const gatewayBase = () =>
  process.env.PORTICO_GATEWAY_URL || `http://localhost:${process.env.PORTICO_GATEWAY_PORT || 8080}`;

async function main(args: string[]): Promise<void> {
  const [command, ...rest] = args;
  switch (command) {
    case 'apis': {
      const apis = await client().send(new GetRestApisCommand({ limit: 500 }));
      if (!apis.items?.length) {
        console.log('No REST APIs.');
        return;
      }
      for (const api of apis.items) {
        console.log(`${api.id}\t${api.name}${api.description ? `\t${api.description}` : ''}`);
      }
      return;
    }
    case 'import': {
      const [file] = rest;
      if (!file) throw new Error(USAGE);
      const body = fs.readFileSync(file);
      const api = await client().send(
        new ImportRestApiCommand({ body, failOnWarnings: rest.includes('--fail-on-warnings') }),
      );
      console.log(`imported ${api.id}\t${api.name}`);
      for (const warning of api.warnings ?? []) console.log(`warning: ${warning}`);
      return;
    }
    case 'deploy': {
      const [restApiId, stageName] = rest;
      if (!restApiId || !stageName) throw new Error(USAGE);
      const d = rest.indexOf('-d');
      const description = d >= 0 ? rest[d + 1] : undefined;
      const deployment = await client().send(new CreateDeploymentCommand({ restApiId, stageName, description }));
      console.log(`deployed ${restApiId} to ${stageName} (deployment ${deployment.id})`);
      for (const url of invokeUrls(restApiId, stageName, gatewayBase())) console.log(url);
      return;
    }
    case 'url': {
      const [restApiId, stageName] = rest;
      if (!restApiId || !stageName) throw new Error(USAGE);
      await client().send(new GetStageCommand({ restApiId, stageName }));
      for (const url of invokeUrls(restApiId, stageName, gatewayBase())) console.log(url);
      return;
    }
    default:
      throw new Error(USAGE);
  }
}

main(process.argv.slice(2)).catch((error: { name?: string; message?: string }) => {
  const name = error.name && error.name !== 'Error' ? `${error.name}: ` : '';
  console.error(`portico: ${name}${error.message ?? String(error)}`);
  process.exit(1);
});
