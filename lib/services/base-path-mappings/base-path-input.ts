// Validation shared by CreateBasePathMapping and UpdateBasePathMapping, and the lookup with AWS's NotFound message.
import type { DomainName as DomainNameRow } from '@prisma/client';
import type { Tx } from '../../db/client';
import { badRequest, conflict, notFound } from '../errors';
import { findRestApi } from '../lookups';
import { NO_BASE_PATH } from './base-path-mapping-shape';

const LEVEL = "[A-Za-z0-9$\\-_.+!*'()]+";
const BASE_PATH = new RegExp(`^${LEVEL}(?:/${LEVEL})*$`);

/** A base path as the caller wrote it ("(none)", "" or absent for none) → the stored form ("" for none). */
export function toStoredBasePath(value: string | null | undefined): string {
  if (value === undefined || value === null || value === '' || value === NO_BASE_PATH) return '';
  return value;
}

/** AWS: at most 300 characters of `a-zA-Z0-9$-_.+!*'()`, levels separated by `/`. */
export function checkBasePath(basePath: string): void {
  if (basePath === '') return;
  if (basePath.length > 300 || !BASE_PATH.test(basePath)) {
    throw badRequest(
      `Invalid base path specified: ${basePath}. A base path may contain only alphanumerics and $-_.+!*'(), with / between levels, and at most 300 characters`,
    );
  }
}

/** Multi-level base paths (`orders/v1`) need a regional domain name with the TLS_1_2 security policy. */
export function supportsMultiLevelBasePaths(domain: Pick<DomainNameRow, 'endpointConfiguration' | 'securityPolicy'>) {
  const types = (domain.endpointConfiguration as { types?: string[] }).types ?? [];
  return types.includes('REGIONAL') && domain.securityPolicy === 'TLS_1_2';
}

export function checkMultiLevel(
  basePath: string,
  domain: Pick<DomainNameRow, 'endpointConfiguration' | 'securityPolicy'>,
): void {
  if (basePath.includes('/') && !supportsMultiLevelBasePaths(domain)) {
    throw badRequest(
      'Multi-level base path mappings are supported only for REGIONAL domain names with the TLS_1_2 security policy',
    );
  }
}

/** The API must exist; the stage, when one is named, must exist in that API. */
export async function checkTarget(tx: Tx, restApiId: string, stage: string | null): Promise<void> {
  await findRestApi(tx, restApiId);
  if (stage === null) return;
  const found = await tx.stage.findUnique({ where: { restApiId_stageName: { restApiId, stageName: stage } } });
  if (!found) throw badRequest('Invalid stage identifier specified');
}

export async function checkBasePathFree(tx: Tx, domainName: string, basePath: string): Promise<void> {
  const taken = await tx.basePathMapping.findUnique({ where: { domainName_basePath: { domainName, basePath } } });
  if (taken) throw conflict('Base path already exists for this domain name');
}

/** `basePath` as addressed in the URL ("(none)" for the empty base path). */
export async function findBasePathMapping(tx: Tx, domainName: string, basePath: string) {
  const mapping = await tx.basePathMapping.findUnique({
    where: { domainName_basePath: { domainName, basePath: toStoredBasePath(basePath) } },
  });
  if (!mapping) throw notFound('Invalid base path mapping identifier specified');
  return mapping;
}
