// Portico's mapping-template engine: AWS API Gateway's Velocity (VTL) templates, compiled once at deploy time and
// rendered per request. Pure: no I/O, no Node APIs beyond Buffer.
//
//   const template = compileTemplate(source);            // VtlSyntaxError if it does not parse or exceeds 300 KB
//   const ctx = createAwsContext({ body, path, querystring, header, stageVariables, context });
//   const out = render(template, ctx);                   // VtlRuntimeError → the gateway answers 500
//   const { status, header } = ctx.readResponseOverride();
export type { CompiledTemplate } from './ast';
export {
  type AwsTemplateContext,
  type AwsTemplateInput,
  createAwsContext,
  type PlainObject,
  type PlainValue,
  type RequestOverride,
  type ResponseOverride,
  toJava,
  type VtlContext,
  vtlContext,
} from './context';
export { toJavaString } from './display';
export { JavaException, VtlRuntimeError, VtlSyntaxError } from './errors';
export { toJsonText } from './json';
export { compileTemplate, MAX_TEMPLATE_BYTES } from './parser';
export { type RenderOptions, render } from './render';
export { base64Decode, base64Encode, escapeJavaScript, urlDecode, urlEncode } from './util';
export { JavaList, JavaMap, JBigInt, JDouble, type Value } from './values';

import type { CompiledTemplate } from './ast';
import { type AwsTemplateContext, type AwsTemplateInput, createAwsContext } from './context';
import { compileTemplate } from './parser';
import { type RenderOptions, render } from './render';

/** Compiles and renders in one go (tests, one-off use); returns the output and the context for reading overrides. */
export function renderAwsTemplate(
  template: string | CompiledTemplate,
  input: AwsTemplateInput,
  options?: RenderOptions,
): { output: string; context: AwsTemplateContext } {
  const compiled = typeof template === 'string' ? compileTemplate(template) : template;
  const context = createAwsContext(input);
  return { output: render(compiled, context, options), context };
}
