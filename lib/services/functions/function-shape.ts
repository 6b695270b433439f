// AWS Lambda's wire shapes: FunctionConfiguration (with GetFunction's Code location) and AliasConfiguration, from
// the rows. Dates are Lambda's `2026-11-22T08:30:00.000+0000`; revision ids are UUID-shaped digests of a row and its
// modification time, so they change with every write.
import { createHash } from 'node:crypto';
import { functionArn } from '../../functions/function-arn';
import type { Actor } from '../actor';
import type { AliasRow, FunctionRow, VersionRow } from './find-function';
import { environmentFor, type Variables } from './function-environment';

export interface FunctionConfiguration {
  FunctionName: string;
  FunctionArn: string;
  Runtime: string;
  Role?: string;
  Handler: string;
  CodeSize: number;
  Description: string;
  Timeout: number;
  MemorySize: number;
  LastModified: string;
  CodeSha256: string;
  Version: string;
  Environment?: { Variables: Variables };
  TracingConfig: { Mode: 'PassThrough' };
  RevisionId: string;
  State?: 'Active';
  LastUpdateStatus?: 'Successful';
  PackageType: 'Zip';
  Architectures: ['x86_64'];
  EphemeralStorage: { Size: number };
  LoggingConfig: { LogFormat: 'Text'; LogGroup: string };
}

export interface AliasConfiguration {
  AliasArn: string;
  Name: string;
  FunctionVersion: string;
  Description: string;
  RoutingConfig?: { AdditionalVersionWeights: Record<string, number> };
  RevisionId: string;
}

/** What GetFunction says about the code: Portico keeps packages itself, with no download location. */
export const CODE_LOCATION = { RepositoryType: 'Portico' } as const;

/** Lambda's timestamps: ISO 8601 with milliseconds and a `+0000` offset. */
export const lambdaDate = (date: Date): string => date.toISOString().replace(/Z$/, '+0000');

export function revisionId(row: { id: string; updatedAt: Date }): string {
  const hex = createHash('sha256').update(`${row.id}:${row.updatedAt.getTime()}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export interface ShapeOptions {
  /** the variables as the caller may see them */
  environment: Variables;
  /** the qualifier the ARN carries (a version, `$LATEST` or an alias), none for the unqualified ARN */
  arnQualifier?: string;
  /** ListFunctions and ListVersionsByFunction leave out the state fields */
  listing?: boolean;
}

export function toFunctionConfiguration(
  fn: FunctionRow,
  version: VersionRow,
  options: ShapeOptions,
): FunctionConfiguration {
  return {
    FunctionName: fn.functionName,
    FunctionArn: functionArn(fn.functionName, options.arnQualifier),
    Runtime: version.runtime,
    ...(fn.role && { Role: fn.role }),
    Handler: version.handler,
    CodeSize: version.codeSize,
    Description: version.description ?? '',
    Timeout: version.timeout,
    MemorySize: version.memorySize,
    LastModified: lambdaDate(version.updatedAt),
    CodeSha256: version.codeSha256,
    Version: version.version,
    ...(Object.keys(options.environment).length > 0 && { Environment: { Variables: options.environment } }),
    TracingConfig: { Mode: 'PassThrough' },
    RevisionId: revisionId(version),
    ...(!options.listing && { State: 'Active', LastUpdateStatus: 'Successful' }),
    PackageType: 'Zip',
    Architectures: ['x86_64'],
    EphemeralStorage: { Size: 512 },
    LoggingConfig: { LogFormat: 'Text', LogGroup: `/aws/lambda/${fn.functionName}` },
  };
}

/** The routing column: `{"additionalVersionWeights": {"2": 0.1}}` (as the gateway's function catalog reads it). */
/** A version's configuration as `viewer` may see it: its environment in clear for editors, masked otherwise (and
 * always masked for `'masked'`, what audit rows keep). */
export function configurationFor(
  viewer: Actor | 'masked',
  fn: FunctionRow,
  version: VersionRow,
  options: Omit<ShapeOptions, 'environment'> = {},
): FunctionConfiguration {
  return toFunctionConfiguration(fn, version, {
    ...options,
    environment: environmentFor(viewer, version.environmentEncrypted),
  });
}

export type StoredRouting = {
  additionalVersionWeights?: Record<string, number>;
};

export const storedRouting = (weights: Record<string, number> | undefined): StoredRouting | undefined =>
  weights ? { additionalVersionWeights: weights } : undefined;

export function routingWeights(alias: AliasRow): Record<string, number> | undefined {
  const weights = (alias.routingConfig as StoredRouting | null)?.additionalVersionWeights;
  return weights && Object.keys(weights).length > 0 ? weights : undefined;
}

export function toAliasConfiguration(fn: FunctionRow, alias: AliasRow): AliasConfiguration {
  const weights = routingWeights(alias);
  return {
    AliasArn: functionArn(fn.functionName, alias.name),
    Name: alias.name,
    FunctionVersion: alias.functionVersion,
    Description: alias.description ?? '',
    ...(weights && { RoutingConfig: { AdditionalVersionWeights: weights } }),
    RevisionId: revisionId(alias),
  };
}
