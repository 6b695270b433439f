// Parameter mapping expressions (reference §1.7): the keys and values of an integration's requestParameters, of an
// integration response's responseParameters, and the names a method response declares. Checked for shape, and for
// the method parameters they read or the method response headers they write being declared.
import { badRequest, type ServiceError } from '../errors';

const NAME = '[^\\s.][^\\s]*';
const INTEGRATION_REQUEST_TARGET = new RegExp(`^integration\\.request\\.(path|querystring|header)\\.${NAME}$`);
const METHOD_REQUEST_SOURCE = new RegExp(
  `^method\\.request\\.(path|querystring|multivaluequerystring|header|multivalueheader)\\.(${NAME})$`,
);
const METHOD_REQUEST_BODY = new RegExp(`^method\\.request\\.body(\\.${NAME})?$`);
const METHOD_RESPONSE_HEADER = new RegExp(`^method\\.response\\.header\\.${NAME}$`);
const INTEGRATION_RESPONSE_SOURCE = new RegExp(
  `^integration\\.response\\.((header|multivalueheader)\\.${NAME}|body(\\.${NAME})?)$`,
);
const STAGE_VARIABLE = /^stageVariables\.[A-Za-z0-9_]+$/;
const CONTEXT_VARIABLE = /^context\.[A-Za-z0-9_]+(\.\S+)?$/;
const STATIC_VALUE = /^'.*'$/s;

/** A single-value and a multi-value location read the same declared method parameter. */
const SAME_PARAMETER: Record<string, string[]> = {
  path: ['path'],
  querystring: ['querystring', 'multivaluequerystring'],
  multivaluequerystring: ['multivaluequerystring', 'querystring'],
  header: ['header', 'multivalueheader'],
  multivalueheader: ['multivalueheader', 'header'],
};

export function mappingError(detail: string): ServiceError {
  return badRequest(`Invalid mapping expression specified: Validation Result: warnings : [], errors : [${detail}]`);
}

const invalidExpression = (expression: string) => mappingError(`Invalid mapping expression specified: ${expression}`);
const undeclaredParameter = (expression: string) =>
  mappingError(`Invalid mapping expression parameter specified: ${expression}`);

function isCommonSource(value: string): boolean {
  return STAGE_VARIABLE.test(value) || CONTEXT_VARIABLE.test(value) || (value.length >= 2 && STATIC_VALUE.test(value));
}

/**
 * An integration's requestParameters: `integration.request.{path|querystring|header}.X` ← a method request parameter
 * the method declares, the method request body (or a JSONPath into it), a stage variable, a context variable or a
 * 'static' value.
 */
export function checkIntegrationRequestParameters(
  parameters: Record<string, string>,
  methodRequestParameters: Record<string, unknown>,
): void {
  for (const [target, source] of Object.entries(parameters)) {
    if (!INTEGRATION_REQUEST_TARGET.test(target)) throw invalidExpression(target);
    if (isCommonSource(source) || METHOD_REQUEST_BODY.test(source)) continue;
    const match = METHOD_REQUEST_SOURCE.exec(source);
    if (!match) throw invalidExpression(source);
    const [, location = '', name = ''] = match;
    const declared = (SAME_PARAMETER[location] ?? []).some(
      (l) => `method.request.${l}.${name}` in methodRequestParameters,
    );
    if (!declared) throw undeclaredParameter(source);
  }
}

export function isMethodResponseParameterName(name: string): boolean {
  return METHOD_RESPONSE_HEADER.test(name);
}

/** The names a method response declares: `method.response.header.X` only. */
export function checkMethodResponseParameterNames(parameters: Record<string, unknown>): void {
  for (const name of Object.keys(parameters)) {
    if (!isMethodResponseParameterName(name)) {
      throw mappingError(`Invalid method response parameter name specified: ${name}`);
    }
  }
}

/**
 * An integration response's responseParameters: `method.response.header.X` (declared by the method response of the
 * same status code) ← an integration response header or body (or a JSONPath into it), a stage variable, a context
 * variable or a 'static' value.
 */
export function checkIntegrationResponseParameters(
  parameters: Record<string, string>,
  methodResponseParameters: Record<string, unknown>,
): void {
  for (const [target, source] of Object.entries(parameters)) {
    if (!METHOD_RESPONSE_HEADER.test(target)) throw invalidExpression(target);
    if (!(target in methodResponseParameters)) throw undeclaredParameter(target);
    if (!isCommonSource(source) && !INTEGRATION_RESPONSE_SOURCE.test(source)) throw invalidExpression(source);
  }
}
