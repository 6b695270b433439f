// Validation shared by CreateDomainName and UpdateDomainName, and the lookup with AWS's NotFound message.
import { randomInt } from 'node:crypto';
import { config } from '../../config';
import type { Tx } from '../../db/client';
import { badRequest, notFound } from '../errors';

export const DOMAIN_ENDPOINT_TYPES = ['EDGE', 'REGIONAL'] as const;
export const SECURITY_POLICIES = ['TLS_1_0', 'TLS_1_2'] as const;
export type DomainEndpointType = (typeof DOMAIN_ENDPOINT_TYPES)[number];

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
/** One or more labels and a top-level label starting with a letter; a leading `*.` makes a wildcard domain. */
const DNS_NAME = new RegExp(`^(?:\\*\\.)?(?:${LABEL}\\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$`);

/** DNS names are case-insensitive: Portico keys domain names in lower case. */
export const normalizeDomainName = (name: string): string => name.trim().toLowerCase();

export function checkDomainName(name: string): void {
  if (name.length > 253 || !DNS_NAME.test(name)) throw badRequest(`Invalid domain name specified: ${name}`);
}

export function checkEndpointType(value: string): DomainEndpointType {
  if (!(DOMAIN_ENDPOINT_TYPES as readonly string[]).includes(value)) {
    throw badRequest(`Invalid endpoint type specified: ${value}. Valid values are EDGE, REGIONAL`);
  }
  return value as DomainEndpointType;
}

export function checkSecurityPolicy(value: string): string {
  if (!(SECURITY_POLICIES as readonly string[]).includes(value)) {
    throw badRequest(`Invalid security policy specified: ${value}. Valid values are TLS_1_0, TLS_1_2`);
  }
  return value;
}

const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const randomLower = (length: number): string =>
  Array.from({ length }, () => LOWER_ALNUM[randomInt(LOWER_ALNUM.length)]).join('');

/** The CloudFront distribution an edge-optimized domain name points at, e.g. `d1abc2def3ghi4.cloudfront.net`. */
export const newDistributionDomainName = (): string => `d${randomLower(13)}.cloudfront.net`;

/** The regional endpoint a regional domain name points at, e.g. `d-abc123defg.execute-api.us-east-1.amazonaws.com`. */
export const newRegionalDomainName = (): string => `d-${randomLower(10)}.execute-api.${config.region}.amazonaws.com`;

/** The target names an endpoint type needs: one generated for the new type, the other type's cleared. */
export function targetNames(
  type: DomainEndpointType,
  current: { distributionDomainName: string | null; regionalDomainName: string | null },
): { distributionDomainName: string | null; regionalDomainName: string | null } {
  return type === 'EDGE'
    ? {
        distributionDomainName: current.distributionDomainName ?? newDistributionDomainName(),
        regionalDomainName: null,
      }
    : { distributionDomainName: null, regionalDomainName: current.regionalDomainName ?? newRegionalDomainName() };
}

export async function findDomainName(tx: Tx, domainName: string) {
  const row = await tx.domainName.findUnique({ where: { domainName: normalizeDomainName(domainName) } });
  if (!row) throw notFound('Invalid domain name identifier specified');
  return row;
}
