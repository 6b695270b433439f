// GatewayResponse rows (only customised types are stored) and the defaults AWS reports for every other type, as AWS's
// GatewayResponse structure. A type that is not customised inherits a customised DEFAULT_4XX / DEFAULT_5XX of its
// class (its statusCode, if set, and its parameters and templates) but is still reported with defaultResponse true.
import type { GatewayResponse as GatewayResponseRow } from '@prisma/client';
import {
  DEFAULT_RESPONSE_TEMPLATE,
  defaultClassOf,
  GATEWAY_RESPONSE_CATALOG,
  type GatewayResponseType,
} from '../../gateway/gateway-response-types';

export interface GatewayResponse {
  responseType: string;
  statusCode?: string;
  responseParameters: Record<string, string>;
  responseTemplates: Record<string, string>;
  defaultResponse: boolean;
}

export const defaultTemplates = (): Record<string, string> => ({ 'application/json': DEFAULT_RESPONSE_TEMPLATE });

const asMap = (value: unknown): Record<string, string> => ({ ...((value ?? {}) as Record<string, string>) });

export function toGatewayResponse(row: GatewayResponseRow): GatewayResponse {
  return {
    responseType: row.responseType,
    ...(row.statusCode != null && { statusCode: row.statusCode }),
    responseParameters: asMap(row.responseParameters),
    responseTemplates: asMap(row.responseTemplates),
    defaultResponse: false,
  };
}

/** The built-in default of a type, ignoring any customisation. */
export function builtInGatewayResponse(type: GatewayResponseType): GatewayResponse {
  const statusCode = GATEWAY_RESPONSE_CATALOG[type].statusCode;
  return {
    responseType: type,
    ...(statusCode !== undefined && { statusCode }),
    responseParameters: {},
    responseTemplates: defaultTemplates(),
    defaultResponse: true,
  };
}

/** What AWS reports for a type, given the customised rows of the API keyed by type. */
export function resolveGatewayResponse(
  type: GatewayResponseType,
  customised: ReadonlyMap<string, GatewayResponseRow>,
): GatewayResponse {
  const own = customised.get(type);
  if (own) return toGatewayResponse(own);
  const builtIn = builtInGatewayResponse(type);
  const classType = defaultClassOf(type);
  const inherited = classType ? customised.get(classType) : undefined;
  if (!inherited) return builtIn;
  const templates = asMap(inherited.responseTemplates);
  return {
    ...builtIn,
    ...(inherited.statusCode != null && { statusCode: inherited.statusCode }),
    responseParameters: asMap(inherited.responseParameters),
    responseTemplates: Object.keys(templates).length > 0 ? templates : defaultTemplates(),
  };
}
