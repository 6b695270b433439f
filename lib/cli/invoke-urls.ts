// A stage's invoke URLs: host-based as AWS (`{apiId}.execute-api.{host}`) and path-based for clients that cannot
// set a Host header.
export function invokeUrls(apiId: string, stage: string, gatewayBase: string): string[] {
  const base = new URL(gatewayBase);
  const port = base.port ? `:${base.port}` : '';
  return [
    `${base.protocol}//${apiId}.execute-api.${base.hostname}${port}/${stage}`,
    `${base.protocol}//${base.hostname}${port}/${apiId}/${stage}`,
  ];
}
