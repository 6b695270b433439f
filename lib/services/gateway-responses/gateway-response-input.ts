// Validation shared by PutGatewayResponse and UpdateGatewayResponse, with AWS's messages.
import {
  GATEWAY_RESPONSE_TYPES,
  type GatewayResponseType,
  isGatewayResponseType,
} from '../../gateway/gateway-response-types';
import { badRequest } from '../errors';

const HEADER_KEY = /^gatewayresponse\.header\.[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;
const SOURCES = [
  /^'[^']*'$/,
  /^method\.request\.(header|multivalueheader|querystring|multivaluequerystring|path)\.[^\s]+$/,
  /^stageVariables\.[A-Za-z0-9_]+$/,
  /^context\.[A-Za-z0-9_.]+$/,
];
const CONTENT_TYPE = /^[A-Za-z0-9!#$&^_.+-]+\/[A-Za-z0-9!#$&^_.+*-]+$/;

/** An unknown type name is refused as AWS's request validation refuses it (ValidationException, 400). */
export function parseResponseType(value: string): GatewayResponseType {
  if (isGatewayResponseType(value)) return value;
  throw badRequest(
    `1 validation error detected: Value '${value}' at 'responseType' failed to satisfy constraint: Member must satisfy enum value set: [${GATEWAY_RESPONSE_TYPES.join(', ')}]`,
  );
}

export function checkStatusCode(value: string): void {
  if (!/^[1-5]\d\d$/.test(value)) {
    throw badRequest(
      `1 validation error detected: Value '${value}' at 'statusCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [1-5]\\d\\d`,
    );
  }
}

export function checkResponseParameter(key: string, value: string): void {
  if (!HEADER_KEY.test(key)) {
    throw badRequest(
      `Invalid mapping expression specified: Validation Result: warnings : [], errors : [Invalid mapping expression parameter specified: ${key}]`,
    );
  }
  if (!SOURCES.some((source) => source.test(value))) {
    throw badRequest(
      `Invalid mapping expression specified: Validation Result: warnings : [], errors : [Invalid mapping expression specified: ${value}]`,
    );
  }
}

export function checkContentType(contentType: string): void {
  if (!CONTENT_TYPE.test(contentType)) {
    throw badRequest(`Validation Result: warnings : [], errors : [Invalid content type specified: ${contentType}]`);
  }
}
