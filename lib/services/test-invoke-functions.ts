// The functions TestInvokeMethod and TestInvokeAuthorizer call: the current definitions read from the database into
// the gateway's own catalog, run by this process's function runtime.
import { db } from '../db/client';
import { functionRuntime } from '../functions/runtime-instance';
import { FunctionCatalog } from '../gateway/functions/function-catalog';
import { catalogInvoker, type FunctionInvoker } from '../gateway/functions/function-invoker';

export async function testInvokeFunctions(): Promise<FunctionInvoker> {
  const [versions, aliases] = await Promise.all([
    db().functionVersion.findMany({
      select: {
        id: true,
        version: true,
        handler: true,
        runtime: true,
        timeout: true,
        memorySize: true,
        codeSha256: true,
        environmentEncrypted: true,
        function: { select: { functionName: true } },
      },
    }),
    db().functionAlias.findMany({
      select: { name: true, functionVersion: true, routingConfig: true, function: { select: { functionName: true } } },
    }),
  ]);
  const catalog = new FunctionCatalog(
    versions.map(({ function: fn, ...version }) => ({ ...version, functionName: fn.functionName })),
    aliases.map(({ function: fn, routingConfig, ...alias }) => ({
      ...alias,
      functionName: fn.functionName,
      routingConfig: routingConfig as { additionalVersionWeights?: Record<string, number> } | null,
    })),
    async (id) => (await db().functionVersion.findUniqueOrThrow({ where: { id }, select: { code: true } })).code,
  );
  return catalogInvoker(() => catalog, functionRuntime());
}
