// IP sets in WAFv2's shapes: the IPSet of GetIPSet, and the IPSetSummary of create and list (with its LockToken).
import type { IpSet as IpSetRow } from '@prisma/client';
import type { IpAddressVersion } from './ip-addresses';
import { ipSetArn } from './waf-arns';

export interface IpSet {
  Name: string;
  Id: string;
  ARN: string;
  Description?: string;
  IPAddressVersion: IpAddressVersion;
  Addresses: string[];
}

export interface IpSetSummary {
  Name: string;
  Id: string;
  Description?: string;
  LockToken: string;
  ARN: string;
}

export function toIpSet(row: IpSetRow): IpSet {
  return {
    Name: row.name,
    Id: row.id,
    ARN: ipSetArn(row.name, row.id),
    ...(row.description != null && { Description: row.description }),
    IPAddressVersion: row.ipAddressVersion as IpAddressVersion,
    Addresses: row.addresses,
  };
}

export function toIpSetSummary(row: IpSetRow): IpSetSummary {
  return {
    Name: row.name,
    Id: row.id,
    ...(row.description != null && { Description: row.description }),
    LockToken: row.lockToken,
    ARN: ipSetArn(row.name, row.id),
  };
}
