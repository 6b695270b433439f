// Mapping templates compiled once per deployment (at load, so a request never parses VTL) and rendered per request.
import type { Snapshot } from '../../snapshot/snapshot-schema';
import {
  type CompiledTemplate,
  compileTemplate,
  createAwsContext,
  JavaException,
  type RequestOverride,
  type ResponseOverride,
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

/** What a template set in `$context.requestOverride` / `responseOverride`: all a later template needs of it. */
export interface TemplateOverrides {
  request: RequestOverride;
  response: ResponseOverride;
}

export interface RenderedTemplate {
  output: string;
  overrides: TemplateOverrides;
}

/**
 * Renders a template over a payload; a failure at run time is AWS's 500 Internal server error. Only the overrides
 * outlive the rendering (not the parsed body): they are what the response template sees of the request template.
 */
export function renderTemplate(
  ctx: GatewayContext,
  source: string,
  body: string,
  previous?: TemplateOverrides,
): RenderedTemplate {
  const template = ctx.deployment?.templates.get(source) ?? compileTemplate(source);
  const context = createAwsContext({
    body,
    path: ctx.request.path,
    querystring: ctx.request.multiQuery,
    header: ctx.request.multiHeaders,
    stageVariables: ctx.stageVariables,
    context: ctx.context,
    requestOverride: previous?.request,
    responseOverride: previous?.response,
  });
  try {
    const output = render(template, context);
    return {
      output,
      overrides: { request: context.readRequestOverride(), response: context.readResponseOverride() },
    };
  } catch (error) {
    // a template's own failure, or overrides it made unreadable (a list holding itself): AWS's 500
    if (error instanceof VtlRuntimeError || error instanceof JavaException) {
      throw new GatewayError('API_CONFIGURATION_ERROR');
    }
    throw error;
  }
}
