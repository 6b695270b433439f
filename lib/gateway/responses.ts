// Gateway responses (AWS §10): the catalog's defaults, overridden by the API's own customisations in the snapshot
// (the type's own, else DEFAULT_4XX / DEFAULT_5XX for its status class). Templates here are AWS's simple
// substitution of $context / $stageVariables / method parameters, not VTL.
import type { Snapshot } from '../snapshot/snapshot-schema';
import {
  DEFAULT_RESPONSE_TEMPLATE,
  GATEWAY_RESPONSE_CATALOG,
  type GatewayResponseType,
} from './gateway-response-types';
import type { MethodRequest } from './mapping/method-request';
import { requestExpressionValue } from './mapping/parameter-mapping';

export interface GatewayResponseInput {
  responseType: GatewayResponseType;
  message?: string;
  /** replaces the catalog's `x-amzn-ErrorType` */
  errorType?: string;
  /** replaces the type's default status */
  status?: number;
  /** `$context.error.validationErrorString` */
  validationErrorString?: string;
  snapshot?: Snapshot;
  stageVariables?: Record<string, string>;
  context: Record<string, unknown>;
  /** method request values for `method.request.{header|querystring|path}.X` */
  request: { headers: Record<string, string>; query: Record<string, string>; path: Record<string, string> };
}

export interface RenderedResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function substitute(template: string, input: GatewayResponseInput, context: Record<string, unknown>): string {
  return template.replace(
    /\$(?:context|stageVariables|method\.request\.(?:header|querystring|path))(?:\.[A-Za-z0-9_-]+)+/g,
    (reference) => {
      const expression = reference.slice(1);
      const value = requestExpressionValue(expression, methodRequest(input), {
        stageVariables: input.stageVariables ?? {},
        context,
      });
      return typeof value === 'string' ? value : '';
    },
  );
}

function methodRequest(input: GatewayResponseInput): MethodRequest {
  return {
    path: input.request.path,
    query: input.request.query,
    multiQuery: {},
    headers: input.request.headers,
    multiHeaders: {},
    body: '',
  };
}

export function renderGatewayResponse(input: GatewayResponseInput): RenderedResponse {
  const info = GATEWAY_RESPONSE_CATALOG[input.responseType];
  const status =
    input.status !== undefined
      ? String(input.status)
      : (info.statusCode ?? (input.responseType === 'DEFAULT_5XX' ? '500' : '400'));
  const custom = input.snapshot?.gatewayResponses ?? {};
  const classDefault = custom[status.startsWith('5') ? 'DEFAULT_5XX' : 'DEFAULT_4XX'];
  const chosen = custom[input.responseType] ?? classDefault;
  const message = input.message ?? info.message;
  const context = {
    ...input.context,
    error: {
      message: message ?? '',
      messageString: JSON.stringify(message),
      responseType: input.responseType,
      validationErrorString: input.validationErrorString ?? '',
    },
  };
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  const errorType = input.errorType ?? info.errorType;
  if (errorType) headers['x-amzn-ErrorType'] = errorType;
  for (const [target, expression] of Object.entries(chosen?.responseParameters ?? {})) {
    const name = target.replace(/^gatewayresponse\.header\./, '');
    const value = requestExpressionValue(expression, methodRequest(input), {
      stageVariables: input.stageVariables ?? {},
      context,
    });
    if (typeof value === 'string' && name !== target) headers[name] = value;
  }
  const templates = chosen?.responseTemplates ?? {};
  const template =
    templates['application/json'] ?? Object.values(templates)[0] ?? info.template ?? DEFAULT_RESPONSE_TEMPLATE;
  return {
    status: Number(chosen?.statusCode ?? status),
    headers,
    body: substitute(template, input, context),
  };
}
