// Mapping templates compiled once per deployment (at load, so a request never parses VTL) and rendered per request.
import type { Snapshot } from '../../snapshot/snapshot-schema';
import {
  type AwsTemplateContext,
  type CompiledTemplate,
  compileTemplate,
  createAwsContext,
  render,
  VtlRuntimeError,
} from '../../vtl';
import { GatewayError } from '../gateway-error';
import type { GatewayContext } from '../pipeline/gateway-context';

export type CompiledTemplates = ReadonlyMap<string, CompiledTemplate>;

/** Every request and response template of the snapshot, keyed by its source text. */
export function compileTemplates(snapshot: Snapshot): CompiledTemplates {
  const compiled = new Map<string, CompiledTemplate>();
  for (const resource of snapshot.resources) {
    for (const method of Object.values(resource.methods)) {
      const integration = method.methodIntegration;
      const sources = [
        ...Object.values(integration?.requestTemplates ?? {}),
        ...Object.values(integration?.integrationResponses ?? {}).flatMap((r) =>
          Object.values(r.responseTemplates ?? {}),
        ),
      ];
      for (const source of sources) if (!compiled.has(source)) compiled.set(source, compileTemplate(source));
    }
  }
  return compiled;
}

export interface RenderedTemplate {
  output: string;
  context: AwsTemplateContext;
}

/** Renders a template over a payload; a failure at run time is AWS's 500 Internal server error. */
export function renderTemplate(
  ctx: GatewayContext,
  source: string,
  body: string,
  previous?: AwsTemplateContext,
): RenderedTemplate {
  const template = ctx.deployment?.templates.get(source) ?? compileTemplate(source);
  const context = createAwsContext({
    body,
    path: ctx.request.path,
    querystring: ctx.request.multiQuery,
    header: ctx.request.multiHeaders,
    stageVariables: ctx.stageVariables,
    context: ctx.context,
    requestOverride: previous?.readRequestOverride(),
    responseOverride: previous?.readResponseOverride(),
  });
  try {
    return { output: render(template, context), context };
  } catch (error) {
    if (error instanceof VtlRuntimeError) throw new GatewayError('API_CONFIGURATION_ERROR');
    throw error;
  }
}
