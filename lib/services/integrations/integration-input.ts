// Validation shared by PutIntegration and UpdateIntegration (reference §1.5), on the integration's complete new state.
import { badRequest } from '../errors';
import { normalizeHttpMethod } from '../methods/method-input';
import { checkIntegrationRequestParameters } from './mapping-expressions';

export const INTEGRATION_TYPES = ['HTTP', 'AWS', 'MOCK', 'HTTP_PROXY', 'AWS_PROXY'] as const;
export const CONNECTION_TYPES = ['INTERNET', 'VPC_LINK'] as const;
export const PASSTHROUGH_BEHAVIORS = ['WHEN_NO_MATCH', 'WHEN_NO_TEMPLATES', 'NEVER'] as const;
export const CONTENT_HANDLING_STRATEGIES = ['CONVERT_TO_BINARY', 'CONVERT_TO_TEXT'] as const;
export const MIN_TIMEOUT_MILLIS = 50;
export const MAX_TIMEOUT_MILLIS = 29000;

/** Everything an integration stores apart from its responses. */
export interface IntegrationFields {
  type: string;
  httpMethod: string | null;
  uri: string | null;
  credentials: string | null;
  connectionType: string;
  connectionId: string | null;
  requestParameters: Record<string, string>;
  requestTemplates: Record<string, string>;
  passthroughBehavior: string;
  contentHandling: string | null;
  timeoutInMillis: number;
  cacheNamespace: string | null;
  cacheKeyParameters: string[];
  tlsConfig: { insecureSkipVerification?: boolean } | null;
}

/** AWS's model-validation message for a value outside an enumeration; `where` is e.g. `putIntegrationInput.type`. */
export function checkOneOf(value: string, allowed: readonly string[], where: string): void {
  if (!allowed.includes(value)) {
    throw badRequest(
      `1 validation error detected: Value '${value}' at '${where}' failed to satisfy constraint: Member must satisfy enum value set: [${allowed.join(', ')}]`,
    );
  }
}

/** http(s) URLs; `${stageVariables.x}` and `{param}` placeholders may stand anywhere, the host included. */
export function checkHttpUri(uri: string | null): void {
  const invalid = badRequest('Invalid HTTP endpoint specified for URI');
  if (!uri || /\s/.test(uri)) throw invalid;
  const concrete = uri.replace(/\$\{stageVariables\.[A-Za-z0-9_]+\}/g, 'x').replace(/\{[^{}/]+\}/g, 'x');
  let url: URL;
  try {
    url = new URL(concrete);
  } catch {
    throw invalid;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) throw invalid;
}

/** `arn:aws:apigateway:{region}:{service}:path/…` or `…:action/…`; AWS_PROXY only to Lambda (and Firehose). */
export function checkAwsUri(type: string, uri: string | null): void {
  const match = /^arn:aws[a-z-]*:apigateway:([^:]+):([^:]+):(.*)$/s.exec(uri ?? '');
  if (!match) throw badRequest('Invalid ARN specified in the request');
  const [, , service = '', target = ''] = match;
  if (!/^(path|action)\/./s.test(target)) throw badRequest('AWS ARN for integration must contain path or action');
  if (type === 'AWS_PROXY' && service !== 'lambda' && service !== 'firehose') {
    throw badRequest(
      "Integrations of type 'AWS_PROXY' currently only supports Lambda function and Firehose stream invocations.",
    );
  }
}

export function checkTimeout(timeoutInMillis: number): void {
  if (
    !Number.isInteger(timeoutInMillis) ||
    timeoutInMillis < MIN_TIMEOUT_MILLIS ||
    timeoutInMillis > MAX_TIMEOUT_MILLIS
  ) {
    throw badRequest(`Timeout should be between ${MIN_TIMEOUT_MILLIS} ms and ${MAX_TIMEOUT_MILLIS} ms`);
  }
}

/** Every integration cache key parameter must be a request parameter the method declares. */
export function checkCacheKeyParameters(parameters: string[], methodRequestParameters: Record<string, unknown>): void {
  for (const parameter of parameters) {
    if (!(parameter in methodRequestParameters)) {
      throw badRequest(`Invalid cache key parameter specified: ${parameter}`);
    }
  }
}

/**
 * Checks the integration's complete state and returns it with its verb upper-cased. `inputName` names the operation
 * input in enumeration messages (`putIntegrationInput`, `updateIntegrationInput`).
 */
export function checkIntegration(
  fields: IntegrationFields,
  methodRequestParameters: Record<string, unknown>,
  inputName: string,
): IntegrationFields {
  checkOneOf(fields.type, INTEGRATION_TYPES, `${inputName}.type`);
  const httpMethod = fields.httpMethod ? normalizeHttpMethod(fields.httpMethod) : null;
  if (fields.type !== 'MOCK') {
    if (!httpMethod) throw badRequest('Enumeration value for HttpMethod must be non-empty');
    if (fields.type === 'HTTP' || fields.type === 'HTTP_PROXY') checkHttpUri(fields.uri);
    else checkAwsUri(fields.type, fields.uri);
  }
  checkOneOf(fields.connectionType, CONNECTION_TYPES, `${inputName}.connectionType`);
  if (fields.connectionType === 'VPC_LINK' && !fields.connectionId) {
    throw badRequest('Invalid connection id specified: a VPC_LINK connection needs a connectionId');
  }
  if (fields.connectionType === 'INTERNET' && fields.connectionId) {
    throw badRequest('Invalid connection id specified: an INTERNET connection takes no connectionId');
  }
  checkOneOf(fields.passthroughBehavior, PASSTHROUGH_BEHAVIORS, `${inputName}.passthroughBehavior`);
  if (fields.contentHandling !== null) {
    checkOneOf(fields.contentHandling, CONTENT_HANDLING_STRATEGIES, `${inputName}.contentHandling`);
  }
  checkTimeout(fields.timeoutInMillis);
  checkIntegrationRequestParameters(fields.requestParameters, methodRequestParameters);
  checkCacheKeyParameters(fields.cacheKeyParameters, methodRequestParameters);
  return { ...fields, httpMethod };
}
