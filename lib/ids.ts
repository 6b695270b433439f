// Identifiers in AWS API Gateway's shapes: lowercase alphanumerics, 10 characters for REST APIs, root resources and
// API keys, 6 for resources, deployments, authorizers, models, validators and usage plans.
import { randomInt } from 'node:crypto';

const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function randomString(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

export const newRestApiId = (): string => randomString(LOWER_ALNUM, 10);
export const newRootResourceId = (): string => randomString(LOWER_ALNUM, 10);
export const newResourceId = (): string => randomString(LOWER_ALNUM, 6);
export const newShortId = (): string => randomString(LOWER_ALNUM, 6);
export const newApiKeyId = (): string => randomString(LOWER_ALNUM, 10);

/** An access key id in the shape of AWS's (`AKIA…`), with Portico's own prefix. */
export const newAccessKeyId = (): string => `PKIA${randomString(UPPER_ALNUM, 16)}`;

/** The access key id of temporary credentials (STS GetSessionToken): `PSIA…`, as AWS's are `ASIA…`. */
export const newSessionAccessKeyId = (): string => `PSIA${randomString(UPPER_ALNUM, 16)}`;

/** A session token: 96 random characters (AWS's are longer opaque strings). */
export const newSessionToken = (): string => randomString(`${UPPER_ALNUM}abcdefghijklmnopqrstuvwxyz/+`, 96);

/** 40 characters from the base64url alphabet, like the secrets AWS issues. */
export const newSecretAccessKey = (): string => randomString(`${UPPER_ALNUM}abcdefghijklmnopqrstuvwxyz/+`, 40);

/** The request id format AWS uses in x-amzn-RequestId (a UUID). */
export const newRequestId = (): string => crypto.randomUUID();
