// The gateway's named queries for AWS WAF: the web ACLs associated with stages, and the IP sets their rules name.
import type pg from 'pg';

export interface WebAclAssociationRow {
  resourceArn: string;
  id: string;
  name: string;
  defaultAction: unknown;
  rules: unknown;
  customResponseBodies: unknown;
  updatedAt: Date;
}

export interface IpSetRow {
  id: string;
  ipAddressVersion: string;
  addresses: string[];
  updatedAt: Date;
}

export async function selectWebAclAssociations(pool: pg.Pool): Promise<WebAclAssociationRow[]> {
  return (
    await pool.query<WebAclAssociationRow>(
      `SELECT a."resourceArn", w."id", w."name", w."defaultAction", w."rules", w."customResponseBodies", w."updatedAt"
         FROM "WebAclAssociation" a JOIN "WebAcl" w ON w."id" = a."webAclId"
        ORDER BY a."resourceArn"`,
    )
  ).rows;
}

export async function selectIpSets(pool: pg.Pool): Promise<IpSetRow[]> {
  return (
    await pool.query<IpSetRow>(`SELECT "id", "ipAddressVersion", "addresses", "updatedAt" FROM "IpSet" ORDER BY "id"`)
  ).rows;
}
